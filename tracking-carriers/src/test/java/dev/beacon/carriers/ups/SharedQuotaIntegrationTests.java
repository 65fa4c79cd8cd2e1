package dev.beacon.carriers.ups;

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
import dev.beacon.carriers.http.SharedBudgets;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.carriers.http.PollTask;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances (two adapters with their own in-memory limiters) share one UPS budget in
 * PostgreSQL: together they make no more calls than the budget, the rest wait for the
 * next window; refreshes stop before the share kept for scheduled polls.
 */
class SharedQuotaIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	static final Clock CLOCK = Clock.fixed(Instant.parse("2031-01-07T10:15:00Z"), ZoneOffset.UTC);

	private UpsAdapter instance(SharedBudgets budgets, int perHour) {
		CarrierSettings s = AdapterTestSupport.settings(UPS.baseUrl(), "it-client", "it-secret", null);
		CarrierSettings small = new CarrierSettings(s.baseUrl(), s.clientId(), s.clientSecret(), null,
				Duration.ofSeconds(10), 1, s.backoff(), s.maxRetryAfter(), perHour, Duration.ofHours(1), 0,
				s.quotaWait());
		UpsAdapter adapter = new UpsAdapter(small, CarrierMetrics.standalone(), AdapterTestSupport.JSON, CLOCK);
		adapter.share(budgets);
		return adapter;
	}

	private static CarrierUpdate poll(UpsAdapter adapter, String number) {
		PollTask task = AdapterTestSupport.task("ups", number);
		return adapter.track(List.of(task)).get(task.shipmentId());
	}

	@Test
	void twoInstancesSpendOneBudgetAndThenWaitForTheNextWindow() {
		this.jdbc.getJdbcTemplate().update("delete from carrier_quota_usage where name like 'ups%'");
		UPS.stubFor(post(urlEqualTo("/security/v1/oauth/token")).willReturn(okJson(fixture("ups/token.json"))));
		UPS.stubFor(get(urlPathMatching("/api/track/v1/details/1ZQUOTA.*"))
			.willReturn(okJson(fixture("ups/track-delivered.json"))));
		SharedBudgets budgets = new SharedBudgets(this.jdbc, new SimpleMeterRegistry(), 0.2);
		UpsAdapter a = instance(budgets, 5);
		UpsAdapter b = instance(budgets, 5);

		int ok = 0;
		int waiting = 0;
		for (int i = 0; i < 8; i++) {
			CarrierUpdate u = poll((i % 2 == 0) ? a : b, "1ZQUOTA" + i);
			if (u.outcome() == PollOutcome.RATE_LIMITED) {
				waiting++;
				assertThat(u.detail()).contains("budget for this period is spent", "retry after 2700s");
			}
			else {
				assertThat(u.outcome()).as(u.detail()).isEqualTo(PollOutcome.OK);
				ok++;
			}
		}
		assertThat(ok).isEqualTo(5);
		assertThat(waiting).isEqualTo(3);
		UPS.verify(5, getRequestedFor(urlPathMatching("/api/track/v1/details/1ZQUOTA.*")));
		assertThat(budgets.left("ups", 5, Duration.ofHours(1), CLOCK.instant())).isZero();
	}

	@Test
	void refreshesLeaveTheLastPartOfTheBudgetToScheduledPolls() {
		this.jdbc.getJdbcTemplate().update("delete from carrier_quota_usage where name like 'ups%'");
		UPS.stubFor(post(urlEqualTo("/security/v1/oauth/token")).willReturn(okJson(fixture("ups/token.json"))));
		UPS.stubFor(get(urlPathMatching("/api/track/v1/details/1ZRESERVE.*"))
			.willReturn(okJson(fixture("ups/track-delivered.json"))));
		SharedBudgets budgets = new SharedBudgets(this.jdbc, new SimpleMeterRegistry(), 0.2);
		UpsAdapter a = instance(budgets, 10);
		int refreshed = 0;
		for (int i = 0; i < 10; i++) {
			int n = i;
			if (SharedBudgets.onDemand(() -> poll(a, "1ZRESERVE" + n)).outcome() == PollOutcome.OK) {
				refreshed++;
			}
		}
		assertThat(refreshed).isEqualTo(8);
		assertThat(poll(a, "1ZRESERVE-SCHEDULED").outcome()).isEqualTo(PollOutcome.OK);
		assertThat(budgets.left("ups", 10, Duration.ofHours(1), CLOCK.instant())).isEqualTo(1);
	}

}
