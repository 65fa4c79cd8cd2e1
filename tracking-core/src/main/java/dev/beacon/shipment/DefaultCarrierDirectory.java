package dev.beacon.shipment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The directory core falls back to when no carriers module is installed (the carriers
 * module's registry replaces it: this bean is a {@link Fallback}): every well-formed code
 * is accepted as given, named by its code, with no link and no detection. It holds no
 * carrier list.
 */
@Component
@Fallback
class DefaultCarrierDirectory implements CarrierDirectory {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,19}");

	@Override
	public boolean isKnown(String carrier) {
		return CODE.matcher(carrier).matches() && !OTHER.equals(carrier);
	}

	@Override
	public List<CarrierCandidate> detect(String trackingNumber) {
		return List.of();
	}

	@Override
	public String displayName(String carrier) {
		return carrier.toUpperCase(Locale.ROOT);
	}

	@Override
	public @Nullable String publicTrackingUrl(String carrier, String trackingNumber) {
		return null;
	}

	@Override
	public List<CarrierInfo> all() {
		return List.of();
	}

}
