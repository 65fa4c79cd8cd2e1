package dev.beacon.notify;

/**
 * A shopper's choices within one store (keyed by their email address).
 *
 * @param email whether to email them at all
 * @param sms whether to text them (still needs SMS consent)
 * @param nonEssential whether optional news (in-transit updates, "arriving tomorrow") is
 * wanted; the unsubscribe link switches it off
 */
public record ShopperPreferences(boolean email, boolean sms, boolean nonEssential) {

	public static ShopperPreferences defaults() {
		return new ShopperPreferences(true, true, true);
	}

}
