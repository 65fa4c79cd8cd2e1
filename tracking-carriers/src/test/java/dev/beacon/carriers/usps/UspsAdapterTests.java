package dev.beacon.carriers.usps;

import java.time.Clock;
import java.time.Instant;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.beacon.carriers.http.AdapterTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class UspsAdapterTests {

	@RegisterExtension
	static WireMockExtension usps = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String NUMBER = "9400111206206406260787";

	static final String TRACK = "/tracking/v3/tracking/" + NUMBER;

	UspsAdapter adapter;

	PollTask task = AdapterTestSupport.task("usps", NUMBER);

	@BeforeEach
	void setUp() {
		this.adapter = new UspsAdapter(AdapterTestSupport.settings(usps.baseUrl(), "beacon-usps", "pw", null),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
		usps.stubFor(post(urlEqualTo("/oauth2/v3/token")).withRequestBody(equalToJson(
				"{\"client_id\":\"beacon-usps\",\"client_secret\":\"pw\",\"grant_type\":\"client_credentials\",\"scope\":\"tracking\"}"))
			.willReturn(okJson(fixture("usps/token.json"))));
	}

	@Test
	void aRetryAfterBlocksEveryCallUntilItElapses() {
		usps.stubFor(
				get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		CarrierUpdate again = poll();
		assertThat(again.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(again.detail()).contains("no call before");
		usps.verify(1, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	private CarrierUpdate poll() {
		return this.adapter.track(List.of(this.task)).get(this.task.shipmentId());
	}

	@Test
	void theInstantComesFromTheGmtFieldAndLocalTimeStaysLocal() {
		usps.stubFor(get(urlPathEqualTo(TRACK)).withQueryParam("expand", equalTo("DETAIL"))
			.withHeader("Authorization", equalTo("Bearer USPS_TOKEN_ONE"))
			.willReturn(okJson(fixture("usps/track-delivered.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(update.scans()).extracting(RawScan::rawCode).containsExactly("01", "OF", "A1", "03", "GX");
		RawScan delivered = update.scans().get(0);
		assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-03-05T18:58:40Z"));
		assertThat(delivered.localTime()).isEqualTo(LocalDateTime.parse("2026-03-05T13:58:00"));
		assertThat(delivered.zone()).isEqualTo("-05:00");
		assertThat(delivered.location().country()).isEqualTo("US");
		assertThat(update.scans().get(2).location().city()).isEqualTo("JACKSONVILLE FL DISTRIBUTION CENTER");
	}

	@Test
	void code150002IsNotFound() {
		usps.stubFor(get(urlPathEqualTo(TRACK))
			.willReturn(aResponse().withStatus(400).withBody(fixture("usps/error-400-not-found.json"))));
		CarrierUpdate update = poll();
		assertThat(update.outcome()).isEqualTo(PollOutcome.NOT_FOUND);
		assertThat(update.detail()).contains("150002");
	}

	@Test
	void anExpiredTokenIsRefreshed() {
		usps.stubFor(post(urlEqualTo("/oauth2/v3/token")).inScenario("t")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("2")
			.willReturn(okJson(fixture("usps/token.json"))));
		usps.stubFor(post(urlEqualTo("/oauth2/v3/token")).inScenario("t")
			.whenScenarioStateIs("2")
			.willReturn(okJson(fixture("usps/token-2.json"))));
		usps.stubFor(get(urlPathEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer USPS_TOKEN_ONE"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
		usps.stubFor(get(urlPathEqualTo(TRACK)).withHeader("Authorization", equalTo("Bearer USPS_TOKEN_TWO"))
			.willReturn(okJson(fixture("usps/track-delivered.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.OK);
		assertThat(this.adapter.tokenFetches()).isEqualTo(2);
	}

	@Test
	void badClientCredentialsAreAnAuthFailure() {
		usps.stubFor(post(urlEqualTo("/oauth2/v3/token"))
			.willReturn(aResponse().withStatus(401).withBody(fixture("usps/error-oauth-invalid-client.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.AUTH_FAILED);
	}

	@Test
	void a429HonoursRetryAfter() {
		usps.stubFor(get(urlPathEqualTo(TRACK)).inScenario("q")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("ok")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
		usps.stubFor(get(urlPathEqualTo(TRACK)).inScenario("q")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(fixture("usps/track-delivered.json"))));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.OK);
		usps.verify(2, getRequestedFor(urlPathEqualTo(TRACK)));
	}

	@Test
	void timeoutsAndGarbage() {
		usps.stubFor(get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(200).withBody("not json at all")));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.MALFORMED);
		usps.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("{}").withFixedDelay(1500)));
		assertThat(poll().outcome()).isEqualTo(PollOutcome.TIMEOUT);
	}

	@Test
	void offsetsInMinutesAreUnderstood() {
		assertThat(UspsAdapter.offset("-420")).isEqualTo("-07:00");
		assertThat(UspsAdapter.offset("-05:00")).isEqualTo("-05:00");
		assertThat(UspsAdapter.offset("soon")).isNull();
	}

}
