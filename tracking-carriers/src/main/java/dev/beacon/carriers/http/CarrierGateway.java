package dev.beacon.carriers.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.beacon.shipment.PollOutcome;

/**
 * The HTTP side of one carrier: a JDK client with timeouts, the carrier's quota
 * (resilience4j rate limiters), retries with exponential backoff that honour
 * {@code Retry-After}, and a circuit breaker. Every failure becomes a
 * {@link CarrierCallException} naming its {@link PollOutcome}.
 */
public final class CarrierGateway {

	private static final Logger log = LoggerFactory.getLogger(CarrierGateway.class);

	/** A carrier's documented quota. */
	public record Quota(int requestsPerPeriod, Duration period, int requestsPerDay) {
	}

	/** An HTTP answer, read completely. */
	public record Answer(int status, String body, HttpResponse<String> response) {

		public Optional<String> header(String name) {
			return this.response.headers().firstValue(name);
		}

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	private final String carrier;

	private final HttpClient http;

	private final Duration timeout;

	private final CarrierQuota quota;

	private final CarrierResilience resilience;

	private final CarrierMetrics metrics;

	private final JsonMapper json;

	private final Clock clock;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	public CarrierGateway(String carrier, CarrierSettings settings, Quota quota, CarrierMetrics metrics,
			JsonMapper json, Clock clock) {
		this.carrier = carrier;
		this.metrics = metrics;
		this.json = json;
		this.clock = clock;
		this.timeout = settings.timeoutOr(Duration.ofSeconds(10));
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		int perPeriod = settings.requestsPerPeriodOr(quota.requestsPerPeriod());
		Duration period = settings.periodOr(quota.period());
		int perDay = settings.requestsPerDayOr(quota.requestsPerDay());
		this.quota = new CarrierQuota(carrier, perPeriod, period, perDay, clock);
		this.resilience = new CarrierResilience(carrier, settings, perPeriod, period, perDay, this.quota);
	}

	/**
	 * Counts this carrier's calls in budgets shared by every instance (PostgreSQL) on top
	 * of the in-memory limiters: {@code <carrier>} per period and
	 * {@code <carrier>-daily}.
	 */
	public void share(SharedBudgets shared) {
		this.quota.share(shared);
	}

	/**
	 * Names this gateway's shared budgets ({@code <name>} and {@code <name>-daily}): a
	 * store's own account has budgets of its own, install-wide credentials the carrier's.
	 */
	public void budget(String name) {
		this.quota.budget(name);
	}

	public String budget() {
		return this.quota.budget();
	}

	/**
	 * Calls left in this carrier's shared budget for the current period (-1: not shared).
	 */
	public int callsLeft() {
		return this.quota.callsLeft();
	}

	public String carrier() {
		return this.carrier;
	}

	public JsonMapper json() {
		return this.json;
	}

	public CarrierMetrics metrics() {
		return this.metrics;
	}

	public Clock clock() {
		return this.clock;
	}

	public String circuitState() {
		return this.resilience.circuitState();
	}

	public @Nullable String lastError() {
		return this.lastError;
	}

	public @Nullable Instant lastErrorAt() {
		return this.lastErrorAt;
	}

	/**
	 * Runs one conversation (which may make several requests, e.g. a token refresh) under
	 * the quota, circuit breaker and retry policy.
	 */
	public <T> T call(Callable<T> conversation) {
		Callable<T> limited = () -> {
			this.quota.checkNotBlocked();
			if (!this.quota.shared()) {
				this.resilience.waitForPermissions();
			}
			this.quota.spendSharedBudget();
			return conversation.call();
		};
		try {
			return this.resilience.decorate(limited).call();
		}
		catch (CarrierCallException ex) {
			throw failed(ex);
		}
		catch (CallNotPermittedException ex) {
			throw failed(new CarrierCallException(PollOutcome.SERVER_ERROR,
					this.carrier + " circuit breaker is open after repeated failures"));
		}
		catch (RequestNotPermitted ex) {
			throw failed(new CarrierCallException(PollOutcome.RATE_LIMITED,
					this.carrier + " quota exhausted; waiting for the next period"));
		}
		catch (Exception ex) {
			throw failed(new CarrierCallException(PollOutcome.SERVER_ERROR, this.carrier + ": " + ex, null, ex));
		}
	}

	private CarrierCallException failed(CarrierCallException ex) {
		this.metrics.error(this.carrier, ex.outcome());
		if (ex.outcome() != PollOutcome.NOT_FOUND) {
			this.lastError = ex.outcome() + ": " + ex.getMessage();
			this.lastErrorAt = this.clock.instant();
			log.warn("{} call failed: {} {}", this.carrier, ex.outcome(), ex.getMessage());
		}
		return ex;
	}

	/** Sends one request with the carrier's timeout and reads the whole answer. */
	public Answer send(HttpRequest.Builder request) {
		HttpRequest built = request.timeout(this.timeout).build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), (response.body() != null) ? response.body() : "", response);
		}
		catch (HttpTimeoutException ex) {
			throw new CarrierCallException(PollOutcome.TIMEOUT,
					"no answer from " + built.uri().getHost() + " within " + this.timeout, null, ex);
		}
		catch (IOException ex) {
			throw new CarrierCallException(PollOutcome.SERVER_ERROR,
					"cannot reach " + built.uri().getHost() + ": " + ex.getClass().getSimpleName(), null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CarrierCallException(PollOutcome.TIMEOUT, "interrupted", null, ex);
		}
		finally {
			this.metrics.request(this.carrier, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	public static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url));
	}

	/**
	 * Raises the outcome of the generic HTTP failures: 401/403 auth, 404 not found, 429
	 * rate limited, 5xx server error (both honouring Retry-After), any other 4xx not
	 * found (carriers answer 400 for numbers they do not know).
	 */
	public void raiseForStatus(Answer answer, String what) {
		int s = answer.status();
		if (answer.ok()) {
			return;
		}
		String detail = what + ": HTTP " + s + " " + abbreviate(answer.body());
		if (s == 401 || s == 403) {
			throw new CarrierCallException(PollOutcome.AUTH_FAILED, detail);
		}
		if (s == 429) {
			Duration after = CarrierQuota.retryAfter(answer, this.clock.instant());
			this.quota.blockFor(after);
			throw new CarrierCallException(PollOutcome.RATE_LIMITED, detail, after, null);
		}
		if (s >= 500) {
			throw new CarrierCallException(PollOutcome.SERVER_ERROR, detail,
					CarrierQuota.retryAfter(answer, this.clock.instant()), null);
		}
		throw new CarrierCallException(PollOutcome.NOT_FOUND, detail);
	}

	/** Parses a JSON body; anything else is MALFORMED. */
	public JsonNode parse(Answer answer, String what) {
		try {
			JsonNode node = this.json.readTree(answer.body());
			if (node == null || node.isMissingNode() || !(node.isObject() || node.isArray())) {
				throw new CarrierCallException(PollOutcome.MALFORMED, what + ": body is not a JSON object");
			}
			return node;
		}
		catch (CarrierCallException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CarrierCallException(PollOutcome.MALFORMED,
					what + ": unreadable body " + abbreviate(answer.body()), null, ex);
		}
	}

	public static String abbreviate(String body) {
		String oneLine = body.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > 200) ? oneLine.substring(0, 200) + "…" : oneLine;
	}

}
