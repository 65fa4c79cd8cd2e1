package dev.beacon.integrations;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls to addresses a store supplies (its shop or site): an HTTP client with short
 * timeouts that follows no redirects, and the outbound address check (public addresses
 * only unless {@code beacon.net.allow-private-addresses=true}; plain {@code http://} only
 * then too).
 */
@Component
public class PlatformHttp {

	private final boolean allowPrivate;

	private final RestClient client;

	PlatformHttp(@Value("${beacon.net.allow-private-addresses:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
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

	/** Why this store-supplied URL must not be called, or null when it may. */
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
		if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && this.allowPrivate)) {
			return "must use https";
		}
		if (this.allowPrivate) {
			return null;
		}
		try {
			for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
				if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
						|| a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)
						|| (a.getAddress().length == 4 && (a.getAddress()[0] & 0xff) == 100
								&& (a.getAddress()[1] & 0xc0) == 64)) {
					return "points to a non-public address";
				}
			}
		}
		catch (UnknownHostException ex) {
			return null;
		}
		return null;
	}

	/** Refuses (as a platform failure) a URL that must not be called. */
	public void check(String url) {
		String why = refusal(url);
		if (why != null) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "the address " + why
					+ " (set beacon.net.allow-private-addresses=true only for development and tests)");
		}
	}

}
