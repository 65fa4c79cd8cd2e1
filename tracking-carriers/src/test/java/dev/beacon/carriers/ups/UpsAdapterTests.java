package dev.beacon.carriers.ups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class UpsAdapterTests {

	@RegisterExtension
	static WireMockExtension ups = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String NUMBER = "1Z5R89390357567127";

	static final String TRACK = "/api/track/v1/details/" + NUMBER;

	UpsAdapter adapter;

	PollTask task = AdapterTestSupport.task("ups", NUMBER);

	@BeforeEach
	void setUp() {
		this.adapter = new UpsAdapter(AdapterTestSupport.settings(ups.baseUrl(), "beacon-test-client", "s3cret", null),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
		ups.stubFor(post(urlEqualTo("/security/v1/oauth/token")).withBasicAuth("beacon-test-client", "s3cret")
			.withRequestBody(equalTo("grant_type=client_credentials"))
			.willReturn(okJson(fixture("ups/token.json"))));
	}

	@Test
	void aRetryAfterBlocksEveryCallUntilItElapses() {
		ups.stubFor(
				get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		CarrierUpdate again = poll();
		assertThat(again.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(again.detail()).contains("no call before");
		ups.verify(1, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	private CarrierUpdate poll() {
		return this.adapter.track(List.of(this.task)).get(this.task.shipmentId());
	}

	@Test
	void readsAMultiEventHistoryWithGmtTimesAndCachesTheToken() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer TOKEN_ONE"))
			.withHeader("transactionSrc", equalTo("beacon"))
			.willReturn(okJson(fixture("ups/track-in-transit.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(update.scans()).extracting(RawScan::rawCode).containsExactly("021", "005", "003");
		RawScan departed = update.scans().get(1);
		assertThat(departed.occurredAt()).isEqualTo(Instant.parse("2026-03-04T07:30:00Z"));
		assertThat(departed.localTime()).isEqualTo(LocalDateTime.parse("2026-03-04T02:30:00"));
		assertThat(departed.zone()).isEqualTo("-05:00");
		assertThat(departed.location().city()).isEqualTo("LOUISVILLE");
		assertThat(departed.rawPayload()).contains("\"slic\":\"4009\"");
		assertThat(update.carrierEstimate())
			.isEqualTo(new DeliveryWindow(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 6)));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.OK);
		assertThat(this.adapter.tokenFetches()).isEqualTo(1);
		ups.verify(1, postRequestedFor(urlEqualTo("/security/v1/oauth/token")));
	}

	@Test
	void aWarningWithoutPackageIsNotFound() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson(fixture("ups/warning-not-found.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.NOT_FOUND);
		assertThat(update.detail()).contains("TW0001");
	}

	@Test
	void a404IsNotFoundAndNotRetried() {
		ups.stubFor(get(urlPathEqualTo(TRACK))
			.willReturn(aResponse().withStatus(404).withBody(fixture("ups/error-invalid-inquiry-number.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.NOT_FOUND);
		ups.verify(1, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	@Test
	void anExpiredTokenIsRefreshedOnce() {
		ups.stubFor(post(urlEqualTo("/security/v1/oauth/token")).inScenario("token")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("second")
			.willReturn(okJson(fixture("ups/token.json"))));
		ups.stubFor(post(urlEqualTo("/security/v1/oauth/token")).inScenario("token")
			.whenScenarioStateIs("second")
			.willReturn(okJson(fixture("ups/token-2.json"))));
		ups.stubFor(get(urlPathEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer TOKEN_ONE"))
			.willReturn(aResponse().withStatus(401).withBody(fixture("ups/error-invalid-authentication.json"))));
		ups.stubFor(get(urlPathEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer TOKEN_TWO"))
			.willReturn(okJson(fixture("ups/track-delivered.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(update.scans()).hasSize(4);
		assertThat(this.adapter.tokenFetches()).isEqualTo(2);
	}

	@Test
	void refusedCredentialsAreAnAuthFailure() {
		ups.stubFor(post(urlEqualTo("/security/v1/oauth/token"))
			.willReturn(aResponse().withStatus(401).withBody(fixture("ups/error-invalid-authentication.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.AUTH_FAILED);
		ups.verify(0, getRequestedFor(urlPathEqualTo(TRACK)));
		assertThat(this.adapter.lastError()).contains("AUTH_FAILED");
	}

	@Test
	void a429IsRetriedAfterTheCarriersRetryAfter() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).inScenario("quota")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("ok")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
		ups.stubFor(get(urlPathEqualTo(TRACK)).inScenario("quota")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(fixture("ups/track-delivered.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.OK);
		ups.verify(2, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	@Test
	void noCallIsMadeBeforeRetryAfterElapses() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).inScenario("wait")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("ok")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
		ups.stubFor(get(urlPathEqualTo(TRACK)).inScenario("wait")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(fixture("ups/track-delivered.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.OK);
		var calls = ups.findAll(getRequestedFor(urlPathEqualTo(TRACK)));
		assertThat(calls).hasSize(2);
		long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
		assertThat(gap).as("milliseconds between the 429 and the next call").isGreaterThanOrEqualTo(2000);
	}

	@Test
	void aLongRetryAfterEndsTheConversationAsRateLimited() {
		ups.stubFor(
				get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(update.detail()).contains("retry after 3600s");
		assertThat(update.retryAfter()).isEqualTo(java.time.Duration.ofHours(1));
		ups.verify(1, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	@Test
	void serverErrorsAreRetriedThenReported() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(503)
			.withBody("{\"response\":{\"errors\":[{\"code\":\"9999\",\"message\":\"down\"}]}}")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.SERVER_ERROR);
		ups.verify(3, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	@Test
	void aSlowCarrierTimesOut() {
		ups.stubFor(get(urlPathEqualTo(TRACK))
			.willReturn(okJson(fixture("ups/track-delivered.json")).withFixedDelay(1500)));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.TIMEOUT);
	}

	@Test
	void garbageIsMalformed() {
		ups.stubFor(get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.MALFORMED);
		ups.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("{\"unexpected\":true}")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.MALFORMED);
	}

	@Test
	void withoutCredentialsTheAdapterIsNotConfigured() {
		UpsAdapter bare = new UpsAdapter(AdapterTestSupport.settings(ups.baseUrl(), null, null, null),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
		assertThat(bare.configured()).isFalse();
		assertThat(this.adapter.configured()).isTrue();
	}

}
