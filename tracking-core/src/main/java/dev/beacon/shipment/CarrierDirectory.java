package dev.beacon.shipment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Beacon knows about carriers: which codes exist, which carrier a tracking number
 * belongs to, and how to present a carrier to shoppers. The carriers module supplies the
 * registry (its bean is primary); without it core's {@link DefaultCarrierDirectory}
 * answers, so consumers inject this interface and never check for its absence.
 */
public interface CarrierDirectory {

	/**
	 * The code a shipment carries when its carrier is outside the registry (the store
	 * gave a name and perhaps a link instead). APIs show it as {@code carrier: null}.
	 */
	String OTHER = "other";

	/**
	 * Whether {@code carrier} (lower-case code such as {@code ups}) is in the registry.
	 */
	boolean isKnown(String carrier);

	/** Carriers the number could belong to, best first; empty when none matches. */
	List<CarrierCandidate> detect(String trackingNumber);

	/** The carrier's name as shoppers know it ("UPS", "FedEx"). */
	String displayName(String carrier);

	/** The carrier's own public tracking page for the number, when it has one. */
	@Nullable String publicTrackingUrl(String carrier, String trackingNumber);

	/** Every carrier in the registry, in a stable order. */
	List<CarrierInfo> all();

}
