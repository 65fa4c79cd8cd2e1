package dev.beacon.web.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Bodies of the order and shipment endpoints, validated at the edge. */
final class OrderRequests {

	private OrderRequests() {
	}

	record CreateOrder(
			@NotBlank @Size(max = 64) @Pattern(regexp = "[^/\\\\?#\\s][^/\\\\?#]*",
					message = "must not contain / \\ ? # or start with a space") String orderNumber,
			@NotNull OffsetDateTime placedAt, @NotNull @Valid CustomerBody customer,
			@Valid @Nullable AddressBody destination, @Valid @Nullable AddressBody origin,
			@Nullable LocalDate promisedBy, @Size(max = 500) @Nullable List<@Valid @NotNull ItemBody> items) {
	}

	record CustomerBody(@Size(max = 200) @Nullable String name, @Email @Size(max = 254) @Nullable String email,
			@Pattern(regexp = "\\+?[0-9 ().-]{5,40}",
					message = "must be a phone number such as +1 555 010 0000") @Nullable String phone,
			@Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
					message = "must be a language tag such as en or pt-BR") @Nullable String locale,
			@Nullable Boolean smsConsent) {
	}

	/**
	 * A change to an order: absent (or null) fields stay as they are; an empty string
	 * clears a text field. {@code status} may only be {@code CANCELLED}.
	 */
	record UpdateOrderBody(@Valid @Nullable CustomerPatch customer, @Valid @Nullable AddressBody destination,
			@Nullable LocalDate promisedBy, @Nullable String status) {
	}

	record CustomerPatch(@Size(max = 200) @Nullable String name, @Email @Size(max = 254) @Nullable String email,
			@Pattern(regexp = "|\\+?[0-9 ().-]{5,40}",
					message = "must be a phone number such as +1 555 010 0000") @Nullable String phone,
			@Pattern(regexp = "|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
					message = "must be a language tag such as en or pt-BR") @Nullable String locale,
			@Nullable Boolean smsConsent) {
	}

	record AddressBody(@Size(max = 20) @Nullable String postalCode, @Size(max = 120) @Nullable String city,
			@Size(max = 120) @Nullable String region, @Pattern(regexp = "[A-Za-z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as US") @Nullable String country) {
	}

	record ItemBody(@Size(max = 64) @Nullable String sku, @NotBlank @Size(max = 300) String name,
			@NotNull @Positive @Max(100000) Integer quantity) {
	}

	/**
	 * {@code carrier} is a code of {@code GET /api/v1/carriers}; a carrier outside the
	 * registry is given as {@code carrierName} (and optionally its https
	 * {@code trackingUrl}).
	 */
	record AddShipment(@NotBlank @Size(max = 60) String trackingNumber, @Size(max = 20) @Nullable String carrier,
			@Size(max = 100) @Nullable String service, @Nullable OffsetDateTime shippedAt,
			@Size(max = 120) @Nullable String carrierName, @Size(max = 500) @Nullable String trackingUrl) {
	}

	record CorrectCarrier(@NotBlank @Size(max = 20) String carrier) {
	}

	record CreateStore(@NotBlank @Size(max = 120) String name,
			@Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
					message = "must be 1 to 63 lowercase letters, digits or inner dashes") @Nullable String slug,
			@Size(max = 35) @Nullable String defaultLocale, @Size(max = 64) @Nullable String timeZone) {
	}

}
