package dev.beacon.integrations;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.beacon.common.OutboundAddressPolicy;

/**
 * Calls to addresses a store supplies (its shop or site): an HTTP client with short
 * timeouts that follows no redirects, and the outbound address check (public addresses
 * only unless {@code beacon.net.allow-private-addresses=true}; plain {@code http://} only
 * then too).
 */
@Component
public class PlatformHttp {

	private final OutboundAddressPolicy addresses;

	private final RestClient client;

	PlatformHttp(OutboundAddressPolicy addresses) {
		this.addresses = addresses;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(30));
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	/** The client, after {@link #check(String)} of the URL about to be called. */
	public RestClient client() {
		return this.client;
	}

	/**
	 * Why this store-supplied URL must not be called, or null when it may: core's
	 * {@link OutboundAddressPolicy} decides on the host, and plain {@code http://} is
	 * only for private addresses allowed in development.
	 */
	public @Nullable String refusal(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return "is not a URL";
		}
		if (uri.getHost() == null || uri.getScheme() == null) {
			return "is not an absolute URL";
		}
		boolean https = "https".equals(uri.getScheme());
		if (!https && !("http".equals(uri.getScheme()) && this.addresses.allowsPrivateAddresses())) {
			return "must use https";
		}
		return this.addresses.refusal(uri.getHost());
	}

	/**
	 * Refuses (as a platform failure) a URL that must not be called, resolving its host
	 * now so a name that turned private since it was registered is refused too.
	 */
	public void check(String url) {
		String why = refusal(url);
		if (why == null && !this.addresses.allowsPrivateAddresses()) {
			try {
				this.addresses.resolve(URI.create(url).getHost());
			}
			catch (UnknownHostException ex) {
				why = "cannot be resolved to a public address";
			}
		}
		if (why != null) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "the address " + why
					+ " (beacon.net.allow-private-addresses=true allows private addresses, for development and tests only)");
		}
	}

}
