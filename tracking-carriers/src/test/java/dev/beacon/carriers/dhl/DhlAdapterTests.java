package dev.beacon.carriers.dhl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.beacon.carriers.http.AdapterTestSupport;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.status.DeliveryWindow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class DhlAdapterTests {

	@RegisterExtension
	static WireMockExtension dhl = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	DhlAdapter adapter;

	@BeforeEach
	void setUp() {
		this.adapter = new DhlAdapter(AdapterTestSupport.settings(dhl.baseUrl(), null, null, "dhl-key"),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
	}

	private CarrierUpdate poll(String number) {
		PollTask task = AdapterTestSupport.task("dhl", number);
		return this.adapter.track(List.of(task)).get(task.shipmentId());
	}

	@Test
	void sendsTheApiKeyAndReadsEventsWithAndWithoutOffsets() {
		dhl.stubFor(get(urlPathEqualTo("/track/shipments")).withQueryParam("trackingNumber", equalTo("3318810025"))
			.withHeader("DHL-API-Key", equalTo("dhl-key"))
			.willReturn(okJson(fixture("dhl/track-express.json"))));
		CarrierUpdate update = poll("3318810025");
		assertThat(update.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(update.scans()).extracting(RawScan::rawCode).containsExactly("transit", "transit");
		RawScan processed = update.scans().get(1);
		assertThat(processed.occurredAt()).isEqualTo(Instant.parse("2026-03-03T20:10:00Z"));
		assertThat(processed.zone()).isEqualTo("+01:00");
		assertThat(processed.location().country()).isEqualTo("NL");
		assertThat(update.carrierEstimate())
			.isEqualTo(new DeliveryWindow(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4)));
	}

	@Test
	void parcelGermanyTimesWithoutOffsetAreKept() {
		dhl.stubFor(get(urlPathEqualTo("/track/shipments")).willReturn(okJson(fixture("dhl/track-parcel-de.json"))));
		CarrierUpdate update = poll("00340434161094042557");
		assertThat(update.scans()).hasSize(5);
		assertThat(update.scans().get(1).rawText()).contains("Zustellfahrzeug");
		assertThat(update.scans().get(1).zone()).isNull();
	}

	@Test
	void notFoundUnauthorizedAndRateLimited() {
		dhl.stubFor(get(urlPathEqualTo("/track/shipments"))
			.willReturn(aResponse().withStatus(404).withBody(fixture("dhl/error-404.json"))));
		assertThat(poll("8264715546").outcome()).isEqualTo(PollOutcome.NOT_FOUND);
		dhl.stubFor(get(urlPathEqualTo("/track/shipments"))
			.willReturn(aResponse().withStatus(401).withBody(fixture("dhl/error-401.json"))));
		assertThat(poll("8264715546").outcome()).isEqualTo(PollOutcome.AUTH_FAILED);
		dhl.resetRequests();
		dhl.stubFor(get(urlPathEqualTo("/track/shipments"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));
		assertThat(poll("8264715546").outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		dhl.verify(1, getRequestedFor(urlPathEqualTo("/track/shipments")));
	}

	@Test
	void garbageAndTimeouts() {
		dhl.stubFor(get(urlPathEqualTo("/track/shipments")).willReturn(okJson("{\"shipments\":\"nope\"}")));
		assertThat(poll("3318810025").outcome()).isEqualTo(PollOutcome.MALFORMED);
		dhl.stubFor(get(urlPathEqualTo("/track/shipments")).willReturn(okJson("{}").withFixedDelay(1500)));
		assertThat(poll("3318810025").outcome()).isEqualTo(PollOutcome.TIMEOUT);
	}

	@Test
	void anExhaustedDailyQuotaIsReportedWithoutCallingDhl() {
		DhlAdapter tight = new DhlAdapter(
				new dev.beacon.carriers.http.CarrierSettings(dhl.baseUrl(), null, null, "dhl-key", null, 1, null, null,
						100, null, 1, java.time.Duration.ZERO),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
		dhl.stubFor(get(urlPathEqualTo("/track/shipments")).willReturn(okJson(fixture("dhl/track-express.json"))));
		PollTask a = AdapterTestSupport.task("dhl", "3318810025");
		PollTask b = AdapterTestSupport.task("dhl", "3318810036");
		var updates = tight.track(List.of(a, b));
		assertThat(updates.get(a.shipmentId()).outcome()).isEqualTo(PollOutcome.OK);
		assertThat(updates.get(b.shipmentId()).outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		dhl.verify(1, getRequestedFor(urlPathEqualTo("/track/shipments")));
	}

}
