package dev.beacon.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** The shopper. Locale is a BCP 47 tag; null means "use the store's default". */
@Embeddable
public record Customer(@Column(name = "customer_name") @Nullable String name,
		@Column(name = "customer_email") @Nullable String email,
		@Column(name = "customer_phone") @Nullable String phone,
		@Column(name = "customer_locale") @Nullable String locale) {

	/** The first name, for greetings ("Hi Ana"). */
	public @Nullable String firstName() {
		if (this.name == null || this.name.isBlank()) {
			return null;
		}
		return this.name.strip().split("\\s+")[0];
	}

}
