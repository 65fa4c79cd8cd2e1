package dev.beacon.carriers.dhl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.http.AdapterTestSupport;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarrierSettings;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.carriers.http.SharedBudgets;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DHL refresh that answered before DHL's scans were read: with DHL's quota of one
 * call a second shared by every instance, a refresh (which may spend all but the reserved
 * 20 % of a window) was allowed {@code floor(1 × 0.8) = 0} calls, so it always ended
 * RATE_LIMITED without asking DHL, and its first try even spent the window's one call. A
 * refresh now gets at least one call of a window; the daily budget keeps its reserve.
 */
class DhlRefreshBudgetIntegrationTests extends CarriersIntegrationTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2031-02-11T09:30:00.250Z"), ZoneOffset.UTC);

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void aRefreshAsksDhlAndReadsItsScansWithinItsOneCallASecond() {
		this.jdbc.getJdbcTemplate().update("delete from carrier_quota_usage where name like 'dhl%'");
		UPS.stubFor(get(urlPathEqualTo("/track/shipments")).withQueryParam("trackingNumber", equalTo("3318810771"))
			.withHeader("DHL-API-Key", equalTo("dhl-key"))
			.willReturn(okJson(fixture("dhl/track-express.json"))));
		// DHL's own quota (1 a second, 250 a day), one attempt per conversation
		CarrierSettings settings = new CarrierSettings(UPS.baseUrl(), null, null, "dhl-key", Duration.ofSeconds(10), 1,
				Duration.ofMillis(20), Duration.ofSeconds(2), null, null, null, Duration.ofSeconds(1));
		DhlAdapter dhl = new DhlAdapter(settings, CarrierMetrics.standalone(), AdapterTestSupport.JSON, CLOCK);
		SharedBudgets budgets = new SharedBudgets(this.jdbc, new SimpleMeterRegistry(), 0.2);
		dhl.share(budgets);

		CarrierUpdate refreshed = SharedBudgets.onDemand(() -> poll(dhl, "3318810771"));

		assertThat(refreshed.outcome()).as(refreshed.detail()).isEqualTo(PollOutcome.OK);
		assertThat(refreshed.scans()).extracting(RawScan::rawCode).containsExactly("transit", "transit");
		UPS.verify(1, getRequestedFor(urlPathEqualTo("/track/shipments")).withQueryParam("trackingNumber",
				equalTo("3318810771")));
		assertThat(budgets.left("dhl", 1, Duration.ofSeconds(1), CLOCK.instant())).isZero();
		assertThat(budgets.left("dhl-daily", 250, Duration.ofDays(1), CLOCK.instant())).isEqualTo(249);

		// a second refresh in the same second waits for the next one, and spends nothing
		CarrierUpdate again = SharedBudgets.onDemand(() -> poll(dhl, "3318810771"));
		assertThat(again.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(again.retryAfter()).isEqualTo(Duration.ofMillis(750));
		assertThat(budgets.left("dhl-daily", 250, Duration.ofDays(1), CLOCK.instant())).isEqualTo(249);
		UPS.verify(1, getRequestedFor(urlPathEqualTo("/track/shipments")).withQueryParam("trackingNumber",
				equalTo("3318810771")));
	}

	private static CarrierUpdate poll(DhlAdapter adapter, String number) {
		PollTask task = AdapterTestSupport.task("dhl", number);
		return adapter.track(List.of(task)).get(task.shipmentId());
	}

}
