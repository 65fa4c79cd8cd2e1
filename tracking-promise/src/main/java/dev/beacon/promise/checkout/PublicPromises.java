package dev.beacon.promise.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.beacon.common.BusinessCalendar;
import dev.beacon.promise.Lane;
import dev.beacon.promise.Promise;
import dev.beacon.promise.PromiseEngine;
import dev.beacon.store.Store;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The promise a product or checkout page shows before the purchase: the window for an
 * order placed now to a destination, and the cut-off by which to order for it. Computed
 * promises are reused per store, destination and day for {@code cacheTtl}; they hold
 * dates and a probability only, never order data.
 */
@Component
class PublicPromises {

	private static final int MAX_ENTRIES = 10_000;

	private final PromiseEngine engine;

	private final ShippingSettings settings;

	private final Clock clock;

	private final AtomicLong computed = new AtomicLong();

	private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
			return size() > MAX_ENTRIES;
		}

	});

	PublicPromises(PromiseEngine engine, ShippingSettings settings, Clock clock) {
		this.engine = engine;
		this.settings = settings;
		this.clock = clock;
	}

	PublicPromise promise(Store store, String country, String region, String postalCode) {
		Instant now = this.clock.instant();
		ZonedDateTime local = now.atZone(store.getTimeZone());
		String calendar = country.isEmpty() ? null : country;
		LocalDate start = local.toLocalDate();
		if (!BusinessCalendar.isBusinessDay(start, calendar)
				|| !local.toLocalTime().isBefore(store.getShippingCutoffTime())) {
			start = BusinessCalendar.addBusinessDays(start, 1, calendar);
		}
		OffsetDateTime cutoff = start.atTime(store.getShippingCutoffTime())
			.atZone(store.getTimeZone())
			.toOffsetDateTime();
		String key = store.getId() + "|" + country + "|" + region + "|" + start + "|" + store.getShippingHandlingDays();
		Cached cached = this.cache.get(key);
		if (cached == null || cached.until().isBefore(now)) {
			cached = new Cached(compute(store, country, region, start), now.plus(this.settings.cacheTtl()));
			this.cache.put(key, cached);
		}
		Window w = cached.window();
		return new PublicPromise(w.earliest(), w.latest(), w.confidence(), cutoff);
	}

	private Window compute(Store store, String country, String region, LocalDate start) {
		this.computed.incrementAndGet();
		Lane lane = Lane.of(null, null, region, country, null, null);
		Instant orderedAt = start.atTime(store.getShippingCutoffTime().minusMinutes(1))
			.atZone(store.getTimeZone())
			.toInstant();
		return this.engine.promise(store.getId(), lane, orderedAt)
			.map((Promise p) -> new Window(p.earliest(), p.latest(), p.confidence()))
			.orElseGet(() -> {
				String calendar = country.isEmpty() ? null : country;
				int handling = Math.max(0, store.getShippingHandlingDays());
				return new Window(BusinessCalendar.addBusinessDays(start, handling + 2, calendar),
						BusinessCalendar.addBusinessDays(start, handling + 5, calendar), null);
			});
	}

	/** Windows computed (not served from the cache) since start. */
	long computed() {
		return this.computed.get();
	}

	/**
	 * The public answer: no order data, only the window, how sure it is, and the time by
	 * which to order for it.
	 */
	record PublicPromise(LocalDate earliest, LocalDate latest, @Nullable Double confidence, OffsetDateTime cutoff) {
	}

	private record Window(LocalDate earliest, LocalDate latest, @Nullable Double confidence) {
	}

	private record Cached(Window window, Instant until) {
	}

}
