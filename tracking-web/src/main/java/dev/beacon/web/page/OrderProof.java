package dev.beacon.web.page;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.beacon.common.Hmac;
import dev.beacon.order.Order;

/**
 * Proof that a shopper owns an order: its number plus the order's email or postal code.
 * Both comparisons always run, on digests of equal length, whether or not the order
 * exists, and a failed proof takes at least {@link PageSettings#failedLookupFloor()}, so
 * "no such order" and "wrong email" cannot be told apart by timing.
 */
@Component
class OrderProof {

	private static final String NO_MATCH = "\u0000no-match\u0000";

	private final Duration floor;

	@Autowired
	OrderProof(PageSettings settings) {
		this(settings.failedLookupFloor());
	}

	OrderProof(Duration floor) {
		this.floor = floor;
	}

	boolean proves(@Nullable Order order, String proof) {
		return proves(order, proof, (order != null) ? order.getCustomer().email() : null,
				(order != null) ? order.getDestination().postalCode() : null);
	}

	static boolean proves(@Nullable Object order, String proof, @Nullable String email, @Nullable String postalCode) {
		String givenEmail = proof.strip().toLowerCase(Locale.ROOT);
		String givenPostal = postal(proof);
		String expectedEmail = NO_MATCH;
		String expectedPostal = NO_MATCH;
		if (order != null) {
			if (email != null && !email.isBlank()) {
				expectedEmail = email.strip().toLowerCase(Locale.ROOT);
			}
			if (postalCode != null && postal(postalCode).length() >= 3) {
				expectedPostal = postal(postalCode);
			}
		}
		boolean emailMatches = Hmac.matches(Hmac.sha256Hex(expectedEmail), Hmac.sha256Hex(givenEmail));
		boolean postalMatches = Hmac.matches(Hmac.sha256Hex(expectedPostal), Hmac.sha256Hex(givenPostal));
		return order != null && (emailMatches || postalMatches);
	}

	/** Sleeps until at least the floor has passed since {@code startNanos}. */
	void padFailure(long startNanos) {
		long remaining = this.floor.toNanos() - (System.nanoTime() - startNanos);
		if (remaining > 0) {
			try {
				Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String postal(String value) {
		return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

}
