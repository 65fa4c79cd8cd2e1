package dev.beacon.carriers.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Settings of one real carrier ({@code beacon.carriers.<code>.*}). The base URL is the
 * carrier's host; token and tracking paths are the carrier's documented ones below it.
 *
 * @param baseUrl the host (default: the carrier's production host)
 * @param clientId OAuth client id (UPS, FedEx, USPS)
 * @param clientSecret OAuth client secret (UPS, FedEx, USPS)
 * @param apiKey API key (DHL)
 * @param timeout connect and read timeout of one request
 * @param maxAttempts attempts per conversation (retries on 429, 5xx and timeouts)
 * @param backoff first retry delay (doubles per attempt) when no Retry-After is given
 * @param maxRetryAfter longest Retry-After honoured inline; longer ones end the
 * conversation as RATE_LIMITED and the poller waits that long
 * @param requestsPerPeriod the carrier's quota per {@code period}
 * @param period the quota's period
 * @param requestsPerDay a daily quota on top (0: none)
 * @param quotaWait how long a call may wait for quota before it is reported as
 * RATE_LIMITED
 */
public record CarrierSettings(@Nullable String baseUrl, @Nullable String clientId, @Nullable String clientSecret,
		@Nullable String apiKey, @Nullable Duration timeout, @Nullable Integer maxAttempts, @Nullable Duration backoff,
		@Nullable Duration maxRetryAfter, @Nullable Integer requestsPerPeriod, @Nullable Duration period,
		@Nullable Integer requestsPerDay, @Nullable Duration quotaWait) {

	public static CarrierSettings empty() {
		return new CarrierSettings(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * These settings (host, timeouts, quota) with other credentials: a store's own
	 * carrier account.
	 */
	public CarrierSettings withCredentials(@Nullable String clientId, @Nullable String clientSecret,
			@Nullable String apiKey) {
		return new CarrierSettings(this.baseUrl, clientId, clientSecret, apiKey, this.timeout, this.maxAttempts,
				this.backoff, this.maxRetryAfter, this.requestsPerPeriod, this.period, this.requestsPerDay,
				this.quotaWait);
	}

	public String baseUrlOr(String fallback) {
		String url = (this.baseUrl != null && !this.baseUrl.isBlank()) ? this.baseUrl.strip() : fallback;
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	public boolean hasOAuthCredentials() {
		return notBlank(this.clientId) && notBlank(this.clientSecret);
	}

	public boolean hasApiKey() {
		return notBlank(this.apiKey);
	}

	public Duration timeoutOr(Duration fallback) {
		return (this.timeout != null) ? this.timeout : fallback;
	}

	public int maxAttemptsOr(int fallback) {
		return (this.maxAttempts != null && this.maxAttempts > 0) ? this.maxAttempts : fallback;
	}

	public Duration backoffOr(Duration fallback) {
		return (this.backoff != null) ? this.backoff : fallback;
	}

	public Duration maxRetryAfterOr(Duration fallback) {
		return (this.maxRetryAfter != null) ? this.maxRetryAfter : fallback;
	}

	public int requestsPerPeriodOr(int fallback) {
		return (this.requestsPerPeriod != null && this.requestsPerPeriod > 0) ? this.requestsPerPeriod : fallback;
	}

	public Duration periodOr(Duration fallback) {
		return (this.period != null) ? this.period : fallback;
	}

	public int requestsPerDayOr(int fallback) {
		return (this.requestsPerDay != null) ? this.requestsPerDay : fallback;
	}

	public Duration quotaWaitOr(Duration fallback) {
		return (this.quotaWait != null) ? this.quotaWait : fallback;
	}

	private static boolean notBlank(@Nullable String s) {
		return s != null && !s.isBlank();
	}

}
