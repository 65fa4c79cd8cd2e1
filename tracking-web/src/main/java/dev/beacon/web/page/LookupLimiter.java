package dev.beacon.web.page;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Per-client rate limits of the tracking page (bucket4j, in memory, per instance):
 * lookups and views per client key ({@link ClientKeys}). Answers how many seconds to
 * wait, 0 when allowed. Buckets of the least recently seen keys are dropped beyond
 * {@value #MAX_KEYS} keys; failed proofs are counted in PostgreSQL instead
 * ({@link ProofLimits}), where nothing is evicted.
 */
@Component
class LookupLimiter {

	private static final int MAX_KEYS = 100_000;

	private final PageSettings settings;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}

	});

	LookupLimiter(PageSettings settings) {
		this.settings = settings;
	}

	/** Takes one lookup from the client's allowance. */
	long lookup(String client) {
		return take(bucket("lookup|" + client,
				() -> Bucket.builder()
					.addLimit((l) -> l.capacity(this.settings.lookupsPerMinute())
						.refillGreedy(this.settings.lookupsPerMinute(), Duration.ofMinutes(1)))
					.addLimit((l) -> l.capacity(this.settings.lookupsPerDay())
						.refillGreedy(this.settings.lookupsPerDay(), Duration.ofDays(1)))
					.build()));
	}

	/** Takes one order page view from the client's allowance. */
	long view(String client) {
		return take(bucket("view|" + client,
				() -> Bucket.builder()
					.addLimit((l) -> l.capacity(this.settings.viewsPerMinute())
						.refillGreedy(this.settings.viewsPerMinute(), Duration.ofMinutes(1)))
					.build()));
	}

	private Bucket bucket(String key, Supplier<Bucket> factory) {
		return this.buckets.computeIfAbsent(key, (k) -> factory.get());
	}

	private static long take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
	}

	private static long seconds(long nanos) {
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

}
