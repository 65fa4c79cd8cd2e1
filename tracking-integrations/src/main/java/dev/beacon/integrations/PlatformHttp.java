package dev.beacon.integrations;

import java.net.URI;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.beacon.common.OutboundAddressPolicy;
import dev.beacon.common.PinnedDnsResolver;

/**
 * Calls to addresses a store supplies (its shop or site): an HTTP client with short
 * timeouts that follows no redirects, checked twice against the outbound address policy
 * (public addresses only unless {@code beacon.net.allow-private-addresses=true}; plain
 * {@code http://} only then too). {@link #check(String)} refuses a URL before the call;
 * at call time the client resolves hosts only through core's {@link PinnedDnsResolver},
 * so it connects to exactly the addresses that passed the policy: a name that resolved
 * public when it was checked and private now (DNS rebinding) is refused, not connected
 * to.
 */
@Component
public class PlatformHttp implements DisposableBean {

	private final OutboundAddressPolicy addresses;

	private final CloseableHttpClient http;

	private final RestClient client;

	PlatformHttp(OutboundAddressPolicy addresses) {
		this.addresses = addresses;
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PinnedDnsResolver(addresses))
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(30))
					.build())
				.setMaxConnTotal(20)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		// bodies are small: buffered and sent with a Content-Length, not chunked (which
		// not
		// every shop's server takes)
		this.client = RestClient.builder()
			.requestFactory(new HttpComponentsClientHttpRequestFactory(this.http))
			.requestInterceptor((request, body, execution) -> {
				if (body.length > 0) {
					request.getHeaders().setContentLength(body.length);
				}
				return execution.execute(request, body);
			})
			.build();
	}

	/**
	 * The client, after {@link #check(String)} of the URL about to be called. It connects
	 * only to addresses the policy allows.
	 */
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
	 * Refuses (as a platform failure) a URL that must not be called. The host is resolved
	 * again when the client connects (pinned), so a name that turned private since it was
	 * registered is refused then.
	 */
	public void check(String url) {
		String why = refusal(url);
		if (why != null) {
			throw new IntegrationException(IntegrationException.Kind.PLATFORM, "the address " + why
					+ " (beacon.net.allow-private-addresses=true allows private addresses, for development and tests only)");
		}
	}

	@Override
	public void destroy() throws Exception {
		this.http.close();
	}

}
