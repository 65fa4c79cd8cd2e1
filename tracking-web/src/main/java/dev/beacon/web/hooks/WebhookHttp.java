package dev.beacon.web.hooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import dev.beacon.common.OutboundAddressPolicy;
import dev.beacon.common.PinnedDnsResolver;

/**
 * The HTTP side of a webhook attempt: a pooled Apache HttpClient that resolves hosts only
 * through core's {@link OutboundAddressPolicy} (the checked address is the one connected
 * to), never follows redirects or retries by itself, times out connecting and reading
 * after the configured timeout and cuts any attempt off after twice that. An attempt
 * answers the status, or a coarse failure category ({@code timeout},
 * {@code connect_failed}, {@code tls_error}, {@code http_<status>}), never exception
 * text.
 */
final class WebhookHttp implements AutoCloseable {

	record Outcome(@Nullable Integer status, @Nullable String failure, Duration took) {
	}

	private final CloseableHttpClient client;

	private final ScheduledExecutorService cutoffs;

	private final Duration timeout;

	WebhookHttp(OutboundAddressPolicy addresses, Duration timeout, int connections) {
		this.timeout = timeout;
		Timeout t = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new PinnedDnsResolver(addresses))
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
				.setMaxConnTotal(connections)
				.setMaxConnPerRoute(connections)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
		this.cutoffs = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "beacon-webhook-cutoff");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** POSTs a JSON body with the given headers. Never throws. */
	Outcome post(String url, String json, Map<String, String> headers) {
		HttpPost post = new HttpPost(URI.create(url));
		post.setHeader("User-Agent", "Beacon-Webhooks/1");
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
		ScheduledFuture<?> cutoff = this.cutoffs.schedule(post::cancel, this.timeout.toMillis() * 2,
				TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
		Integer status = null;
		String failure;
		try {
			status = this.client.execute(post, (response) -> response.getCode());
			failure = (status >= 200 && status < 300) ? null : "http_" + status;
		}
		catch (IOException | RuntimeException ex) {
			failure = category(ex);
		}
		finally {
			cutoff.cancel(false);
		}
		return new Outcome(status, failure, Duration.ofNanos(System.nanoTime() - started));
	}

	/** The coarse failure category stored and shown for an exception. */
	static String category(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SSLException) {
				return "tls_error";
			}
			if (t instanceof InterruptedIOException) {
				return "timeout"; // connect, socket and response timeouts, and the
									// cut-off
			}
		}
		return "connect_failed";
	}

	@Override
	public void close() throws IOException {
		this.cutoffs.shutdownNow();
		this.client.close();
	}

}
