package dev.beacon.carriers.canadapost;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.beacon.carriers.http.AdapterTestSupport;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.MappingTable;
import dev.beacon.shipment.Normalization;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.RawScan;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canada Post's tracking web service on its XML shape (a journey written for this test).
 */
class CanadaPostAdapterTests {

	@RegisterExtension
	static WireMockExtension cpc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String DETAIL = """
			<?xml version="1.0" encoding="UTF-8"?>
			<tracking-detail xmlns="http://www.canadapost.ca/ws/track-v2">
			  <pin>7023210039414604</pin>
			  <expected-delivery-date>2026-11-24</expected-delivery-date>
			  <service-name>Expedited Parcels</service-name>
			  <significant-events>
			    <occurrence>
			      <event-identifier>0174</event-identifier>
			      <event-date>2026-11-24</event-date>
			      <event-time>08:27:43</event-time>
			      <event-time-zone>EST</event-time-zone>
			      <event-description>Item out for delivery</event-description>
			      <event-site>OTTAWA</event-site>
			      <event-province>ON</event-province>
			    </occurrence>
			    <occurrence>
			      <event-identifier>0173</event-identifier>
			      <event-date>2026-11-23</event-date>
			      <event-time>06:19:57</event-time>
			      <event-time-zone>EST</event-time-zone>
			      <event-description>Customer addressing error found; attempting to correct. Possible delay</event-description>
			      <event-site>MONTREAL</event-site>
			      <event-province>QC</event-province>
			    </occurrence>
			    <occurrence>
			      <event-identifier>0100</event-identifier>
			      <event-date>2026-11-22</event-date>
			      <event-time>14:45:48</event-time>
			      <event-time-zone>EST</event-time-zone>
			      <event-description>Item processed at postal facility</event-description>
			      <event-site>MONTREAL</event-site>
			      <event-province>QC</event-province>
			    </occurrence>
			  </significant-events>
			</tracking-detail>""";

	CanadaPostAdapter adapter;

	@BeforeEach
	void setUp() {
		this.adapter = new CanadaPostAdapter(AdapterTestSupport.settings(cpc.baseUrl(), "cp-user", "cp-pass", null),
				CarrierMetrics.standalone(), AdapterTestSupport.JSON, Clock.systemUTC());
	}

	private CarrierUpdate poll(String number) {
		PollTask task = AdapterTestSupport.task("canadapost", number);
		return this.adapter.track(List.of(task)).get(task.shipmentId());
	}

	@Test
	void readsTheTrackingDetailXml() {
		String auth = "Basic " + Base64.getEncoder().encodeToString("cp-user:cp-pass".getBytes(StandardCharsets.UTF_8));
		cpc.stubFor(get(urlEqualTo("/vis/track/pin/7023210039414604/detail")).withHeader("Authorization", equalTo(auth))
			.withHeader("Accept", equalTo("application/vnd.cpc.track-v2+xml"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/vnd.cpc.track-v2+xml")
				.withBody(DETAIL)));
		CarrierUpdate update = poll("7023210039414604");
		assertThat(update.outcome()).isEqualTo(PollOutcome.OK);
		assertThat(update.scans()).extracting(RawScan::rawCode).containsExactly("0174", "0173", "0100");
		RawScan ofd = update.scans().get(0);
		assertThat(ofd.occurredAt()).isEqualTo(Instant.parse("2026-11-24T13:27:43Z"));
		assertThat(ofd.zone()).isEqualTo("-05:00");
		assertThat(ofd.location().city()).isEqualTo("OTTAWA");
		assertThat(ofd.location().country()).isEqualTo("CA");
		assertThat(update.carrierEstimate())
			.isEqualTo(new DeliveryWindow(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24")));
		assertThat(this.adapter.configured()).isTrue();
	}

	@Test
	void anUnknownPinIsNotFound() {
		cpc.stubFor(get(urlEqualTo("/vis/track/pin/1234567890123456/detail")).willReturn(aResponse().withStatus(404)
			.withBody("<messages xmlns=\"http://www.canadapost.ca/ws/messages\"><message><code>004</code>"
					+ "<description>No Pin History</description></message></messages>")));
		CarrierUpdate update = poll("1234567890123456");
		assertThat(update.outcome()).isEqualTo(PollOutcome.NOT_FOUND);
		assertThat(update.detail()).contains("004 No Pin History");
	}

	@Test
	void theMappingTableReadsCodesThenDescriptions() {
		MappingTable t = MappingTable.fromClasspath("canadapost", "carriers/mapping/canadapost.csv");
		assertThat(t.match("0174", "Item out for delivery").milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		Normalization address = t.match("0173", "Customer addressing error found");
		assertThat(address.health()).isEqualTo(Health.DELAYED);
		assertThat(address.reason()).isEqualTo(Reason.ADDRESS);
		Normalization attempt = t.match("1701", "Attempted delivery; notice card left");
		assertThat(attempt.milestone()).isEqualTo(Milestone.DELIVERY_ATTEMPTED);
		assertThat(attempt.ruleId()).isEqualTo("canadapost-t-attempt");
		assertThat(t.match("9999", "Item damaged in transit").reason()).isEqualTo(Reason.DAMAGED);
		assertThat(t.match("1496", "Item successfully delivered").milestone()).isEqualTo(Milestone.DELIVERED);
		assertThat(t.match("8888", "Something else").milestone()).isNull();
	}

}
