package dev.beacon.carriers;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.carriers.detect.TrackingNumberDetector;
import dev.beacon.shipment.CarrierCandidate;
import dev.beacon.shipment.CarrierDirectory;
import dev.beacon.shipment.CarrierInfo;

/**
 * Core's carrier directory, read from the {@link CarrierRegistry}: codes, detection,
 * names and links. It replaces core's fallback directory.
 */
@Component
class BeaconCarrierDirectory implements CarrierDirectory {

	private final TrackingNumberDetector detector = new TrackingNumberDetector();

	@Override
	public boolean isKnown(String carrier) {
		return CarrierRegistry.find(carrier).isPresent();
	}

	@Override
	public List<CarrierCandidate> detect(String trackingNumber) {
		return this.detector.detect(trackingNumber);
	}

	@Override
	public String displayName(String carrier) {
		return CarrierRegistry.find(carrier)
			.map(CarrierInfo::name)
			.orElse(OTHER.equals(carrier) ? "Other carrier" : carrier.toUpperCase(Locale.ROOT));
	}

	@Override
	public @Nullable String publicTrackingUrl(String carrier, String trackingNumber) {
		return CarrierRegistry.trackingUrl(carrier, trackingNumber);
	}

	@Override
	public List<CarrierInfo> all() {
		return CarrierRegistry.all();
	}

}
