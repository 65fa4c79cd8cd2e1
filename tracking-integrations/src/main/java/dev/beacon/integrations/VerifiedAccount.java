package dev.beacon.integrations;

/**
 * An account (shop domain, site URL) with an access token its platform accepted: the only
 * way to claim an account ({@link Connections#connect}). Made in this package only: after
 * the platform answered an authenticated call with the token
 * ({@link PlatformClient#verify}), or issued the token itself (Shopify's OAuth code
 * exchange of a signed callback).
 */
final class VerifiedAccount {

	private final String platform;

	private final String account;

	private final String token;

	private VerifiedAccount(String platform, String account, String token) {
		this.platform = platform;
		this.account = account;
		this.token = token;
	}

	/**
	 * Asks the platform whether the token opens this account; throws
	 * {@link IntegrationException} ({@code REFUSED} or {@code PLATFORM}) when it does
	 * not.
	 */
	static VerifiedAccount checked(PlatformClient client, String account, String token) {
		client.verify(account, token);
		return new VerifiedAccount(client.platform(), account, token);
	}

	/** A token Shopify issued for this shop in exchange for a signed callback's code. */
	static VerifiedAccount installed(String shop, String token) {
		return new VerifiedAccount(Connection.SHOPIFY, shop, token);
	}

	String platform() {
		return this.platform;
	}

	String account() {
		return this.account;
	}

	String token() {
		return this.token;
	}

}
