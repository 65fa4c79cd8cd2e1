package dev.beacon.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** How a store presents itself on its tracking page and in messages. */
@Embeddable
public record Brand(@Column(name = "brand_logo_url") @Nullable String logoUrl,
		@Column(name = "brand_primary_color") String primaryColor,
		@Column(name = "brand_accent_color") String accentColor,
		@Column(name = "support_email") @Nullable String supportEmail,
		@Column(name = "support_phone") @Nullable String supportPhone,
		@Column(name = "support_url") @Nullable String supportUrl,
		@Column(name = "help_text") @Nullable String helpText) {

	public static final String DEFAULT_PRIMARY = "#1d4ed8";

	public static final String DEFAULT_ACCENT = "#0f766e";

	public static Brand defaults() {
		return new Brand(null, DEFAULT_PRIMARY, DEFAULT_ACCENT, null, null, null, null);
	}

}
