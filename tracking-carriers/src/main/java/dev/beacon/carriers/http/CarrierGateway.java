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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final List<RateLimiter> limiters = new ArrayList<>();

	private final CarrierMetrics metrics;

	private final JsonMapper json;

	private final Clock clock;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastErrorAt;

	/** No call before this instant: the carrier's last Retry-After. */
	private volatile Instant blockedUntil = Instant.EPOCH;

	private volatile @Nullable SharedBudgets budgets;

	private final int perPeriod;

	private final Duration period;

	private final int perDay;

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
		this.breaker = CircuitBreaker.of(carrier,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(60))
					.permittedNumberOfCallsInHalfOpenState(2)
					.recordException((t) -> t instanceof CarrierCallException c
							&& (c.outcome() == PollOutcome.SERVER_ERROR || c.outcome() == PollOutcome.TIMEOUT))
					.build());
		Duration backoff = settings.backoffOr(Duration.ofMillis(500));
		Duration maxRetryAfter = settings.maxRetryAfterOr(Duration.ofSeconds(30));
		IntervalBiFunction<Object> interval = (attempt, either) -> {
			if (either.isLeft() && either.getLeft() instanceof CarrierCallException c && c.retryAfter() != null) {
				return Math.max(0, c.retryAfter().toMillis());
			}
			return backoff.toMillis() * (1L << Math.min(attempt - 1, 10));
		};
		this.retry = Retry.of(carrier,
				RetryConfig.custom()
					.maxAttempts(settings.maxAttemptsOr(3))
					.intervalBiFunction(interval)
					.retryOnException((t) -> t instanceof CarrierCallException c && c.transientFailure()
							&& (c.retryAfter() == null || c.retryAfter().compareTo(inlineWait(maxRetryAfter)) <= 0))
					.failAfterMaxAttempts(false)
					.build());
		this.perPeriod = settings.requestsPerPeriodOr(quota.requestsPerPeriod());
		this.period = settings.periodOr(quota.period());
		this.perDay = settings.requestsPerDayOr(quota.requestsPerDay());
		Duration wait = settings.quotaWaitOr(Duration.ofSeconds(2));
		this.limiters.add(RateLimiter.of(carrier,
				RateLimiterConfig.custom()
					.limitForPeriod(settings.requestsPerPeriodOr(quota.requestsPerPeriod()))
					.limitRefreshPeriod(settings.periodOr(quota.period()))
					.timeoutDuration(wait)
					.build()));
		int daily = settings.requestsPerDayOr(quota.requestsPerDay());
		if (daily > 0) {
			this.limiters.add(RateLimiter.of(carrier + "-daily",
					RateLimiterConfig.custom()
						.limitForPeriod(daily)
						.limitRefreshPeriod(Duration.ofDays(1))
						.timeoutDuration(Duration.ZERO)
						.build()));
		}
	}

	/**
	 * Counts this carrier's calls in budgets shared by every instance (PostgreSQL) on top
	 * of the in-memory limiters: {@code <carrier>} per period and
	 * {@code <carrier>-daily}.
	 */
	public void share(SharedBudgets shared) {
		this.budgets = shared;
	}

	private void spendSharedBudget() {
		SharedBudgets shared = this.budgets;
		if (shared == null) {
			return;
		}
		Instant now = this.clock.instant();
		Duration wait = shared.acquire(this.carrier, this.perPeriod, this.period, now);
		if (wait.isZero() && this.perDay > 0) {
			wait = shared.acquire(this.carrier + "-daily", this.perDay, Duration.ofDays(1), now);
		}
		if (!wait.isZero()) {
			throw new CarrierCallException(PollOutcome.RATE_LIMITED,
					this.carrier + " budget for this period is spent"
							+ ((SharedBudgets.demand() == SharedBudgets.Demand.ON_DEMAND)
									? " (the rest is kept for scheduled polls)" : ""),
					wait, null);
		}
	}

	/**
	 * Calls left in this carrier's shared budget for the current period (-1: not shared).
	 */
	public int callsLeft() {
		SharedBudgets shared = this.budgets;
		return (shared != null) ? shared.left(this.carrier, this.perPeriod, this.period, this.clock.instant()) : -1;
	}

	/**
	 * The longest Retry-After (or quota wait) honoured inline: a refresh waits at most
	 * {@code beacon.refresh.max-wait}, a scheduled poll {@code maxRetryAfter}.
	 */
	private Duration inlineWait(Duration maxRetryAfter) {
		SharedBudgets shared = this.budgets;
		if (shared != null && SharedBudgets.demand() == SharedBudgets.Demand.ON_DEMAND) {
			Duration refreshWait = shared.refreshWait();
			return (refreshWait.compareTo(maxRetryAfter) < 0) ? refreshWait : maxRetryAfter;
		}
		return maxRetryAfter;
	}

	public String carrier() {
		return this.carrier;
	}

	public JsonMapper json() {
		return this.json;
	}

	public String circuitState() {
		return this.breaker.getState().name();
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
			Duration blocked = Duration.between(this.clock.instant(), this.blockedUntil);
			if (blocked.compareTo(Duration.ZERO) > 0) {
				throw new CarrierCallException(PollOutcome.RATE_LIMITED,
						this.carrier + " asked Beacon to wait (Retry-After); no call before " + this.blockedUntil,
						blocked.plusMillis(1), null);
			}
			if (this.budgets == null) {
				for (RateLimiter limiter : this.limiters) {
					RateLimiter.waitForPermission(limiter);
				}
			}
			spendSharedBudget();
			return conversation.call();
		};
		Callable<T> guarded = CircuitBreaker.decorateCallable(this.breaker, limited);
		Callable<T> retried = Retry.decorateCallable(this.retry, guarded);
		try {
			return retried.call();
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
			Duration after = retryAfter(answer, this.clock.instant());
			if (after != null) {
				Instant until = this.clock.instant().plus(after);
				if (until.isAfter(this.blockedUntil)) {
					this.blockedUntil = until;
				}
			}
			throw new CarrierCallException(PollOutcome.RATE_LIMITED, detail, after, null);
		}
		if (s >= 500) {
			throw new CarrierCallException(PollOutcome.SERVER_ERROR, detail, retryAfter(answer, this.clock.instant()),
					null);
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

	static @Nullable Duration retryAfter(Answer answer, Instant now) {
		Optional<String> header = answer.header("Retry-After");
		if (header.isEmpty()) {
			return null;
		}
		String v = header.get().strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration d = Duration.between(now, at.toInstant());
				return d.isNegative() ? Duration.ZERO : d;
			}
			catch (RuntimeException ignored) {
				return null;
			}
		}
	}

	public static String abbreviate(String body) {
		String oneLine = body.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > 200) ? oneLine.substring(0, 200) + "…" : oneLine;
	}

}
