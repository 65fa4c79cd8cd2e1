package dev.beacon.carriers.http;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binds {@code beacon.carriers.<ups|fedex|usps|dhl>.*} to {@link CarrierSettings}.
 *
 * @param ups UPS settings
 * @param fedex FedEx settings
 * @param usps USPS settings
 * @param dhl DHL settings
 */
@ConfigurationProperties("beacon.carriers")
public record CarriersHttpConfiguration(CarrierSettings ups, CarrierSettings fedex, CarrierSettings usps,
		CarrierSettings dhl) {

	public CarriersHttpConfiguration {
		ups = (ups != null) ? ups : CarrierSettings.empty();
		fedex = (fedex != null) ? fedex : CarrierSettings.empty();
		usps = (usps != null) ? usps : CarrierSettings.empty();
		dhl = (dhl != null) ? dhl : CarrierSettings.empty();
	}

	public Map<String, CarrierSettings> byCarrier() {
		return Map.of("ups", this.ups, "fedex", this.fedex, "usps", this.usps, "dhl", this.dhl);
	}

}
