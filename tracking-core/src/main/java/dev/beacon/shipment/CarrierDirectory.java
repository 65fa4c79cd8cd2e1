package dev.beacon.shipment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Beacon knows about carriers, supplied by the carriers module: which codes exist,
 * which carrier a tracking number belongs to, and how to present a carrier to shoppers.
 */
public interface CarrierDirectory {

	/**
	 * Whether {@code carrier} (lower-case code such as {@code ups}) is one Beacon can
	 * track.
	 */
	boolean isKnown(String carrier);

	/** Carriers the number could belong to, best first; empty when none matches. */
	List<CarrierCandidate> detect(String trackingNumber);

	/** The carrier's name as shoppers know it ("UPS", "FedEx"). */
	String displayName(String carrier);

	/** The carrier's own public tracking page for the number, when it has one. */
	@Nullable String publicTrackingUrl(String carrier, String trackingNumber);

}
