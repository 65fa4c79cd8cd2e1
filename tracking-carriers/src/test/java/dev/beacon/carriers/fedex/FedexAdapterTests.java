package dev.beacon.carriers.fedex;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class FedexAdapterTests {

	@RegisterExtension
	static WireMockExtension fedex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String TRACK = "/track/v1/trackingnumbers";

	FedexAdapter adapter;

	@BeforeEach
	void setUp() {
		this.adapter = new FedexAdapter(AdapterTestSupport.settings(fedex.baseUrl(), "fx-key", "fx-secret", null),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
		fedex.stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=client_credentials"))
			.withRequestBody(containing("client_id=fx-key"))
			.withRequestBody(containing("client_secret=fx-secret"))
			.willReturn(okJson(fixture("fedex/token.json"))));
	}

	@Test
	void oneRequestCarriesABatchAndEachNumberGetsItsOwnAnswer() {
		fedex.stubFor(post(urlEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer FEDEX_TOKEN_ONE"))
			.withRequestBody(matchingJsonPath("$.includeDetailedScans", equalTo("true")))
			.willReturn(okJson(fixture("fedex/track-batch.json"))));
		PollTask delivered = AdapterTestSupport.task("fedex", "986578788855");
		PollTask exception = AdapterTestSupport.task("fedex", "797615467620");
		PollTask unknown = AdapterTestSupport.task("fedex", "477179081230");
		Map<UUID, CarrierUpdate> updates = this.adapter.track(List.of(delivered, exception, unknown));
		fedex.verify(1, postRequestedFor(urlEqualTo(TRACK))
			.withRequestBody(matchingJsonPath("$.trackingInfo.length()", equalTo("3"))));

		CarrierUpdate d = updates.get(delivered.shipmentId());
		assertThat(d.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(d.scans()).extracting(RawScan::rawCode).containsExactly("DL", "OD", "AR", "OC", "PU");
		RawScan outForDelivery = d.scans().get(1);
		assertThat(outForDelivery.rawPayload()).contains("\"derivedStatusCode\":\"IT\"");
		assertThat(outForDelivery.occurredAt()).isEqualTo(Instant.parse("2026-03-05T11:47:00Z"));
		assertThat(outForDelivery.zone()).isEqualTo("-05:00");
		assertThat(outForDelivery.location().postalCode()).isEqualTo("11741");

		CarrierUpdate e = updates.get(exception.shipmentId());
		assertThat(e.scans()).singleElement()
			.satisfies((s) -> assertThat(s.rawText()).isEqualTo("Delivery exception: Incorrect address"));
		assertThat(e.carrierEstimate())
			.isEqualTo(new DeliveryWindow(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 6)));

		assertThat(updates.get(unknown.shipmentId()).outcome()).isEqualTo(PollOutcome.NOT_FOUND);
	}

	@Test
	void moreThanThirtyNumbersTakeSeveralRequests() {
		fedex.stubFor(post(urlEqualTo(TRACK)).willReturn(okJson(fixture("fedex/track-batch.json"))));
		List<PollTask> tasks = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			tasks.add(AdapterTestSupport.task("fedex", "98657878885" + (i % 10)));
		}
		Map<UUID, CarrierUpdate> updates = this.adapter.track(tasks);
		assertThat(updates).hasSize(31);
		fedex.verify(1, postRequestedFor(urlEqualTo(TRACK))
			.withRequestBody(matchingJsonPath("$.trackingInfo.length()", equalTo("30"))));
		fedex.verify(1, postRequestedFor(urlEqualTo(TRACK))
			.withRequestBody(matchingJsonPath("$.trackingInfo.length()", equalTo("1"))));
	}

	@Test
	void anExpiredTokenIsRefreshed() {
		fedex.stubFor(post(urlEqualTo("/oauth/token")).inScenario("t")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("2")
			.willReturn(okJson(fixture("fedex/token.json"))));
		fedex.stubFor(post(urlEqualTo("/oauth/token")).inScenario("t")
			.whenScenarioStateIs("2")
			.willReturn(okJson(fixture("fedex/token-2.json"))));
		fedex.stubFor(post(urlEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer FEDEX_TOKEN_ONE"))
			.willReturn(aResponse().withStatus(401).withBody(fixture("fedex/error-401-not-authorized.json"))));
		fedex.stubFor(post(urlEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer FEDEX_TOKEN_TWO"))
			.willReturn(okJson(fixture("fedex/track-batch.json"))));
		PollTask t = AdapterTestSupport.task("fedex", "986578788855");
		assertThat(this.adapter.track(List.of(t)).get(t.shipmentId()).outcome()).isEqualTo(PollOutcome.OK);
		assertThat(this.adapter.tokenFetches()).isEqualTo(2);
	}

	@Test
	void failuresReachEveryNumberOfTheBatch() {
		fedex.stubFor(post(urlEqualTo(TRACK)).willReturn(aResponse().withStatus(500)
			.withBody(
					"{\"transactionId\":\"x\",\"errors\":[{\"code\":\"INTERNAL.SERVER.ERROR\",\"message\":\"We encountered an unexpected error\"}]}")));
		PollTask a = AdapterTestSupport.task("fedex", "986578788855");
		PollTask b = AdapterTestSupport.task("fedex", "797615467620");
		Map<UUID, CarrierUpdate> updates = this.adapter.track(List.of(a, b));
		assertThat(updates.values()).extracting(CarrierUpdate::outcome).containsOnly(PollOutcome.SERVER_ERROR);
		fedex.verify(3, postRequestedFor(urlEqualTo(TRACK)));
	}

	@Test
	void garbageIsMalformed() {
		fedex.stubFor(post(urlEqualTo(TRACK)).willReturn(okJson("[1,2,3]")));
		PollTask a = AdapterTestSupport.task("fedex", "986578788855");
		assertThat(this.adapter.track(List.of(a)).get(a.shipmentId()).outcome()).isEqualTo(PollOutcome.MALFORMED);
	}

}
