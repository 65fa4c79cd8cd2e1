package dev.beacon.web.hooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice example of a module reacting to an event (ADR 0004): Spring Modulith starts
 * the web module with the core modules it uses (no carriers, notify or console), core's
 * {@link ShipmentStatusChanged} is published in a transaction as the ingest would publish
 * it, and the reaction is an outbox row in {@code webhook_deliveries}, written through
 * {@code OutboxWrites} in that transaction. The dispatcher loop is off, so the row stays
 * as the listener wrote it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "beacon.webhooks.dispatch=false", "beacon.link-secret=module-test-secret" })
class WebhookReactionModuleTests {

	static final Instant AT = Instant.parse("2026-03-04T15:30:00Z");

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	StoreWebhooks webhooks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aStatusChangeBecomesOneDeliveryForEachSubscribedEndpoint(Scenario scenario) {
		UUID store = new Fixtures(this.stores, this.orders, this.shipments).store("hooks").id();
		WebhookEndpoint subscribed = this.webhooks.register(store, "https://hooks.invalid/beacon",
				List.of("shipment.status_changed"));
		this.webhooks.register(store, "https://orders.invalid/beacon", List.of("order.status_changed"));
		ShipmentStatusChanged event = changed(store, TransitionCause.POLL);

		scenario.publish(event)
			.andWaitForStateChange(() -> deliveries(store), (rows) -> !rows.isEmpty())
			.andVerify((rows) -> {
				assertThat(rows).hasSize(1);
				Map<String, Object> row = rows.get(0);
				assertThat(row).containsEntry("endpoint_id", subscribed.id())
					.containsEntry("event_type", "shipment.status_changed")
					.containsEntry("status", "PENDING")
					.containsEntry("attempts", 0);
				JsonNode payload = this.json.readTree((String) row.get("payload"));
				assertThat(payload.get("id").asString()).isEqualTo(row.get("event_id").toString());
				assertThat(payload.get("type").asString()).isEqualTo("shipment.status_changed");
				JsonNode data = payload.get("data");
				assertThat(data.get("store").asString()).isEqualTo(event.storeSlug());
				assertThat(data.get("orderNumber").asString()).isEqualTo("1001");
				assertThat(data.get("shipmentId").asString()).isEqualTo(event.shipmentId().toString());
				assertThat(data.get("trackingNumber").asString()).isEqualTo("SBX0000000001");
				assertThat(data.get("previousMilestone").asString()).isEqualTo("IN_TRANSIT");
				assertThat(data.get("milestone").asString()).isEqualTo("OUT_FOR_DELIVERY");
				assertThat(data.get("health").asString()).isEqualTo("AT_RISK");
				assertThat(data.get("reason").asString()).isEqualTo("WEATHER");
				assertThat(data.get("statusText").asString()).isEqualTo("Out for delivery");
			});
	}

	@Test
	void aReplayedTransitionIsNotSent(Scenario scenario) {
		UUID store = new Fixtures(this.stores, this.orders, this.shipments).store("replay").id();
		this.webhooks.register(store, "https://hooks.invalid/beacon", List.of("*"));

		scenario.publish(changed(store, TransitionCause.REPLAY))
			.andWaitForStateChange(() -> deliveries(store), List::isEmpty)
			.andVerify((rows) -> assertThat(rows).isEmpty());
	}

	private List<Map<String, Object>> deliveries(UUID store) {
		return this.jdbc
			.queryForList("select endpoint_id, event_id, event_type, status, attempts, payload from webhook_deliveries "
					+ "where store_id = ?", store);
	}

	private ShipmentStatusChanged changed(UUID store, TransitionCause cause) {
		String slug = this.stores.byId(store).orElseThrow().getSlug();
		return new ShipmentStatusChanged(store, UUID.randomUUID(), UUID.randomUUID(), "sandbox", "SBX0000000001",
				Milestone.IN_TRANSIT, Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, Health.AT_RISK, Reason.WEATHER,
				"Out for delivery", "Memphis, TN", null, AT, cause, AT, slug, "1001");
	}

}
