package dev.beacon.admin.ops;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.admin.AdminApi;
import dev.beacon.store.StorePrincipal;

/**
 * {@code GET /api/v1/reports/delivery-performance?from=&to=&groupBy=}: the console's
 * numbers for the calling store.
 */
@RestController
class ReportsApiController implements AdminApi {

	private final DeliveryPerformance performance;

	private final Clock clock;

	ReportsApiController(DeliveryPerformance performance, Clock clock) {
		this.clock = clock;
		this.performance = performance;
	}

	@GetMapping(path = "/api/v1/reports/delivery-performance", produces = "application/json")
	Map<String, Object> deliveryPerformance(@AuthenticationPrincipal StorePrincipal store,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "carrier") String groupBy) {
		ReportsController.Range range = ReportsController.Range.of(from, to, LocalDate.now(this.clock));
		GroupBy group = GroupBy.parse(groupBy);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", range.from());
		body.put("to", range.to());
		body.put("groupBy", group.param());
		body.put("rows", this.performance.report(store.storeId(), range.from(), range.to(), group));
		return body;
	}

}
