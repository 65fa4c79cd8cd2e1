package dev.beacon.promise.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public promise for product and checkout pages, {@code GET /p/{slug}/promise}, and
 * its embeddable widget, {@code GET /p/widget.js}: no key, any origin (GET, no
 * credentials), cached, and rate-limited per client address (bucket4j; the whole
 * allowance comes back once a minute, not a token a second, so a burst is refused the
 * same way on a fast or a slow machine). Refusals are problem+json, a bad parameter named
 * in {@code errors[].field}.
 */
@RestController
@EnableConfigurationProperties(ShippingSettings.class)
class PublicPromiseController {

	private static final int MAX_CLIENTS = 100_000;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final StoreManagement stores;

	private final PublicPromises promises;

	private final ShippingSettings settings;

	private final byte[] widget;

	private final Map<String, Bucket> clients = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}

	});

	PublicPromiseController(StoreManagement stores, PublicPromises promises, ShippingSettings settings)
			throws IOException {
		this.stores = stores;
		this.promises = promises;
		this.settings = settings;
		try (InputStream in = PublicPromiseController.class.getResourceAsStream("widget.js")) {
			this.widget = in.readAllBytes();
		}
	}

	@GetMapping("/p/{slug}/promise")
	ResponseEntity<?> promise(@PathVariable String slug, @RequestParam(defaultValue = "") String destinationCountry,
			@RequestParam(defaultValue = "") String destinationRegion,
			@RequestParam(defaultValue = "") String destinationPostalCode, HttpServletRequest request) {
		long wait = take(request.getRemoteAddr());
		if (wait > 0) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", String.valueOf(wait))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "retry after " + wait + " s"));
		}
		String country = destinationCountry.strip().toUpperCase(Locale.ROOT);
		String region = destinationRegion.strip().toUpperCase(Locale.ROOT);
		String field = (!country.isEmpty() && !COUNTRIES.contains(country)) ? "destinationCountry"
				: (region.length() > 120) ? "destinationRegion"
						: (destinationPostalCode.length() > 20) ? "destinationPostalCode" : null;
		if (field != null) {
			String message = field.equals("destinationCountry") ? "must be an ISO 3166 code"
					: "must be at most " + (field.equals("destinationRegion") ? 120 : 20) + " characters";
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message);
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Optional<Store> store = this.stores.bySlug(slug);
		if (store.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.NOT_FOUND, "Not found", "no such store"));
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(this.settings.cacheTtl()).cachePublic())
			.body(this.promises.promise(store.get(), country, region, destinationPostalCode.strip()));
	}

	@GetMapping("/p/widget.js")
	ResponseEntity<byte[]> widget() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(this.widget);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private long take(String client) {
		Bucket bucket = this.clients.computeIfAbsent(client,
				(k) -> Bucket.builder()
					.addLimit((l) -> l.capacity(this.settings.requestsPerMinute())
						.refillIntervally(this.settings.requestsPerMinute(), Duration.ofMinutes(1)))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
	}

}
