package dev.beacon.carriers;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.beacon.carriers.detect.TrackingNumberDetector;
import dev.beacon.shipment.CarrierCandidate;
import dev.beacon.shipment.CarrierDirectory;

/** Core's carrier directory: the five carrier codes, detection, names and links. */
@Component
class BeaconCarrierDirectory implements CarrierDirectory {

	private final TrackingNumberDetector detector = new TrackingNumberDetector();

	@Override
	public boolean isKnown(String carrier) {
		return CarrierNames.DISPLAY.containsKey(carrier.toLowerCase(Locale.ROOT));
	}

	@Override
	public List<CarrierCandidate> detect(String trackingNumber) {
		return this.detector.detect(trackingNumber);
	}

	@Override
	public String displayName(String carrier) {
		return CarrierNames.DISPLAY.getOrDefault(carrier.toLowerCase(Locale.ROOT), carrier);
	}

	@Override
	public @Nullable String publicTrackingUrl(String carrier, String trackingNumber) {
		return CarrierNames.trackingUrl(carrier.toLowerCase(Locale.ROOT), trackingNumber);
	}

}
