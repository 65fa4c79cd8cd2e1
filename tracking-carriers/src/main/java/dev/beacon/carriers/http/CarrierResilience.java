package dev.beacon.carriers.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dev.beacon.shipment.PollOutcome;

/**
 * The resilience4j wiring of one carrier for {@link CarrierGateway}: in-memory rate
 * limiters (per period and per day), a circuit breaker, and retries with exponential
 * backoff that honour {@code Retry-After}.
 */
final class CarrierResilience {

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final List<RateLimiter> limiters = new ArrayList<>();

	CarrierResilience(String carrier, CarrierSettings settings, int perPeriod, Duration period, int perDay,
			CarrierQuota quota) {
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
		this.retry = Retry.of(carrier, RetryConfig.custom()
			.maxAttempts(settings.maxAttemptsOr(3))
			.intervalBiFunction(interval)
			.retryOnException((t) -> t instanceof CarrierCallException c && c.transientFailure()
					&& (c.retryAfter() == null || c.retryAfter().compareTo(quota.inlineWait(maxRetryAfter)) <= 0))
			.failAfterMaxAttempts(false)
			.build());
		Duration wait = settings.quotaWaitOr(Duration.ofSeconds(2));
		this.limiters.add(RateLimiter.of(carrier,
				RateLimiterConfig.custom()
					.limitForPeriod(perPeriod)
					.limitRefreshPeriod(period)
					.timeoutDuration(wait)
					.build()));
		if (perDay > 0) {
			this.limiters.add(RateLimiter.of(carrier + "-daily",
					RateLimiterConfig.custom()
						.limitForPeriod(perDay)
						.limitRefreshPeriod(Duration.ofDays(1))
						.timeoutDuration(Duration.ZERO)
						.build()));
		}
	}

	/**
	 * Waits for a permission of every in-memory limiter (used when no budget is shared).
	 */
	void waitForPermissions() {
		for (RateLimiter limiter : this.limiters) {
			RateLimiter.waitForPermission(limiter);
		}
	}

	/** Wraps a call in the circuit breaker, then the retry policy. */
	<T> Callable<T> decorate(Callable<T> call) {
		return Retry.decorateCallable(this.retry, CircuitBreaker.decorateCallable(this.breaker, call));
	}

	String circuitState() {
		return this.breaker.getState().name();
	}

}
