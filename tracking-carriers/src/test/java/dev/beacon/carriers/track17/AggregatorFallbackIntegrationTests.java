package dev.beacon.carriers.track17;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierPolling;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.StoreManagement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When UPS's shared daily budget is spent, a UPS shipment is followed through 17TRACK
 * (this context sets {@code beacon.carriers.ups.fallback-to-aggregator=true}) until the
 * budget refills; then 17TRACK is told to stop and UPS polls it again. Without the
 * property a carrier's polls just wait.
 */
class AggregatorFallbackIntegrationTests extends CarriersIntegrationTest {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	CarrierPolling polling;

	@Autowired
	Track17Source source;

	@Autowired
	AggregatorFallback fallback;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	String number;

	Instant window;

	@BeforeEach
	void setUp() {
		TRACK17.resetAll();
		Instant now = this.clock.instant();
		long day = Duration.ofDays(1).toMillis();
		this.window = Instant.ofEpochMilli(now.toEpochMilli() / day * day);
		Assumptions.assumeTrue(Duration.between(now, this.window.plusMillis(day)).toMinutes() >= 2,
				"too close to the end of UPS's daily budget window");
		this.number = "1ZFB" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36).toUpperCase();
		TRACK17.stubFor(post(urlEqualTo("/track/v2.2/register")).willReturn(json("""
				{"code":0,"data":{"accepted":[{"origin":1,"number":"%s","carrier":100002}],"rejected":[]}}"""
			.formatted(this.number))));
		TRACK17.stubFor(post(urlEqualTo("/track/v2.2/stoptrack")).willReturn(json("""
				{"code":0,"data":{"accepted":[{"number":"%s","carrier":100002}],"rejected":[]}}"""
			.formatted(this.number))));
	}

	@AfterEach
	void refill() {
		this.jdbc.update("delete from carrier_quota_usage where name = 'ups-daily'");
	}

	@Test
	void aSpentBudgetHandsTheShipmentTo17TrackUntilItRefills() {
		UUID store = CarriersTestSupport.store(this.stores, "fallback");
		CarriersTestSupport.order(this.orders, store, "F-1");
		ShipmentView s = this.shipments.register(store, "F-1", new RegisterShipment(this.number, "ups", null, null));
		this.jdbc.update("""
				insert into carrier_quota_usage (name, window_start, used) values ('ups-daily', ?, 100000)
				on conflict (name, window_start) do update set used = 100000""", Timestamp.from(this.window));

		this.polling.pollNow(s.id());

		ShipmentView waiting = this.shipments.byId(s.id()).orElseThrow();
		assertThat(waiting.lastPollOutcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		UPS.verify(0, com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(urlPathMatching("/api/track/v1/details/" + this.number)));
		assertThat(state()).isEqualTo("PENDING");
		Timestamp until = this.jdbc.queryForObject(
				"select fallback_until from source_registrations where source = '17track' and tracking_number = ?",
				Timestamp.class, this.number);
		// until the daily window ends (the wait was measured a moment before it was
		// added)
		assertThat(until.toInstant()).isCloseTo(this.window.plus(Duration.ofDays(1)),
				org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));

		this.source.tick();
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
			.withRequestBody(matchingJsonPath("$[?(@.number == '" + this.number + "')]")));
		assertThat(state()).isEqualTo("REGISTERED");
		assertThat(this.shipments.byId(s.id()).orElseThrow().source()).isEqualTo("17track");

		// a second spent poll extends the fallback, it does not register the number again
		this.polling.pollNow(s.id());
		this.source.tick();
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register")));
		TRACK17.verify(0, postRequestedFor(urlEqualTo("/track/v2.2/stoptrack")));

		// the budget refilled: 17TRACK stops, UPS follows the shipment again
		this.jdbc.update("delete from carrier_quota_usage where name = 'ups-daily'");
		this.jdbc.update("""
				update source_registrations set fallback_until = now() - interval '1 second'
				where source = '17track' and tracking_number = ?""", this.number);
		this.source.tick();
		TRACK17.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/stoptrack"))
			.withRequestBody(matchingJsonPath("$[?(@.number == '" + this.number + "')]")));
		assertThat(state()).isEqualTo("STOPPED");
		assertThat(this.shipments.byId(s.id()).orElseThrow().source()).isEqualTo("direct:ups");
	}

	@Test
	void onlyConfiguredCarriersFallBack() {
		assertThat(this.fallback.enabledFor("ups")).isTrue();
		assertThat(this.fallback.enabledFor("usps")).isFalse();
		assertThat(this.fallback.enabledFor("sandbox")).isFalse();
	}

	private String state() {
		return this.jdbc.queryForObject(
				"select state from source_registrations where source = '17track' and tracking_number = ?", String.class,
				this.number);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

}
