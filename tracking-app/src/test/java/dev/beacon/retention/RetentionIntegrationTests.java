package dev.beacon.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, retention: {@code beacon.retention.*} applied by the daily job, in bounded
 * batches, once per cluster, with a fixed clock. The clock stands months before the rows
 * other tests write (at the real time), so only this test's back-dated rows are due.
 */
@BeaconIntegrationTest
class RetentionIntegrationTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T03:30:00Z"), ZoneOffset.UTC);

	@Autowired
	RetentionJob job;

	@Autowired
	RetentionProperties properties;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	UUID storeId;

	@BeforeEach
	void store() {
		this.storeId = this.stores.provision(new NewStore("Keep", TestStores.uniqueSlug("keep"), null, null))
			.store()
			.getId();
	}

	private static Timestamp at(String instant) {
		return Timestamp.from(Instant.parse(instant));
	}

	private UUID delivery(UUID endpoint, String status, String createdAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				insert into webhook_deliveries (id, endpoint_id, store_id, event_id, event_type, payload, status,
				  next_attempt_at, created_at) values (?, ?, ?, ?, 'order.status_changed', '{}', ?, ?, ?)""", id,
				endpoint, this.storeId, UUID.randomUUID(), status, at(createdAt), at(createdAt));
		return id;
	}

	private UUID message(UUID orderId, String status, String createdAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"""
						insert into notify_messages (id, store_id, order_id, trigger, channel, idempotency_key, recipient, locale,
						  time_zone, subject, body_text, body_html, status, next_attempt_at, transition_at, created_at)
						values (?, ?, ?, 'SHIPPED', 'EMAIL', ?, 'ana@example.com', 'en', 'UTC', 'Shipped', 'Hi Ana',
						  '<p>Hi Ana</p>', ?, ?, ?, ?)""",
				id, this.storeId, orderId, id.toString(), status, at("2099-01-01T00:00:00Z"), at(createdAt),
				at(createdAt)); // never due for the dispatcher
		return id;
	}

	private Order order(String number) {
		return this.orders.place(this.storeId,
				new PlaceOrder(number, Instant.parse("2025-10-01T10:00:00Z"),
						new Customer("Ana Lima", "ana@example.com", "+15550100000", "en"),
						new Address("38103", "Memphis", "TN", "US"), null, null, List.of(), false));
	}

	private UUID shipment(Order order, String number, String code, String payload) {
		ShipmentView s = this.shipments.register(this.storeId, order.getOrderNumber(),
				new RegisterShipment(number, "ups", null, null));
		this.shipments.ingest(s.id(),
				CarrierUpdate
					.of(List.of(new RawScan(code, "scan " + code, payload, Instant.parse("2025-10-03T10:00:00Z"), null,
							null, new ScanLocation("Memphis", "TN", "38103", "US"), null)), null),
				TransitionCause.POLL);
		return s.id();
	}

	private List<String> ids(String sql, Object... args) {
		return this.jdbc.queryForList(sql, String.class, args);
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		assertThat(this.properties).isEqualTo(RetentionProperties.defaults());
		assertThat(this.properties.webhookDeliveries()).isEqualTo(Duration.ofDays(30));
		assertThat(this.properties.inboundWebhooks()).isEqualTo(Duration.ofDays(7));
		assertThat(this.properties.idempotencyKeys()).isEqualTo(Duration.ofHours(24));
		assertThat(this.properties.messageBodies()).isEqualTo(Duration.ofDays(90));
		assertThat(this.properties.rawPayloads()).isEqualTo(Duration.ofDays(180));
		assertThat(this.properties.personalData()).isNull();
	}

	@Test
	void eachKindOfDataIsKeptExactlyAsLongAsConfiguredInBoundedBatches() {
		UUID endpoint = UUID.randomUUID();
		this.jdbc.update("""
				insert into webhook_endpoints (id, store_id, url, secret, events, created_at)
				values (?, ?, 'https://hooks.example.test/x', 'whsec_test', 'order.status_changed', ?)""", endpoint,
				this.storeId, at("2026-01-01T00:00:00Z"));
		UUID oldDelivered = delivery(endpoint, "DELIVERED", "2026-04-01T00:00:00Z");
		UUID oldDead = delivery(endpoint, "DEAD", "2026-04-15T00:00:00Z");
		UUID oldPending = delivery(endpoint, "PENDING", "2026-04-01T00:00:00Z");
		UUID recentDelivered = delivery(endpoint, "DELIVERED", "2026-05-20T00:00:00Z");

		String oldEvent = "evt-old-" + this.storeId;
		String recentEvent = "evt-recent-" + this.storeId;
		this.jdbc.update(
				"insert into carrier_webhook_deliveries (source, event_id, store_id, received_at) "
						+ "values ('shopify', ?, ?, ?), ('shopify', ?, ?, ?)",
				oldEvent, this.storeId, at("2026-05-24T00:00:00Z"), recentEvent, this.storeId,
				at("2026-05-26T00:00:00Z"));

		this.jdbc.update(
				"insert into api_idempotency_keys (store_id, key, fingerprint, state, created_at) "
						+ "values (?, 'old', 'f', 'DONE', ?), (?, 'recent', 'f', 'DONE', ?)",
				this.storeId, at("2026-05-31T03:00:00Z"), this.storeId, at("2026-05-31T04:00:00Z"));

		Order delivered = order("KEEP-1");
		Order moving = order("KEEP-2");
		UUID oldMessage = message(moving.getId(), "SENT", "2026-02-01T00:00:00Z");
		UUID oldPendingMessage = message(moving.getId(), "PENDING", "2026-01-01T00:00:00Z");
		UUID recentMessage = message(moving.getId(), "SENT", "2026-04-01T00:00:00Z");

		UUID finished = shipment(delivered, "1Z999AA10000000001", "011", "{\"to\":\"Ana Lima, 12 Elm St\"}");
		UUID live = shipment(moving, "1Z999AA10000000002", "038", "{\"to\":\"Ana Lima, 12 Elm St\"}");
		this.jdbc.update("update shipments set delivered_at = ?, updated_at = ? where id = ?",
				at("2025-11-01T00:00:00Z"), at("2025-11-01T00:00:00Z"), finished);
		this.jdbc.update("update shipments set updated_at = ? where id = ?", at("2025-11-01T00:00:00Z"), live);
		this.jdbc.update("update orders set updated_at = ? where id in (?, ?)", at("2026-01-01T00:00:00Z"),
				delivered.getId(), moving.getId());

		RetentionProperties oneAtATime = new RetentionProperties(true, "-", 1, 1000, Duration.ofDays(30),
				Duration.ofDays(7), Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(180),
				Duration.ofDays(90));
		Map<String, Integer> report = this.job.run(CLOCK.instant(), oneAtATime);

		assertThat(report).containsEntry("webhook-deliveries", 2)
			.containsEntry("inbound-webhooks", 1)
			.containsEntry("idempotency-keys", 1)
			.containsEntry("message-bodies", 1)
			.containsEntry("raw-payloads", 1)
			.containsEntry("personal-data", 1);
		assertThat(ids("select id::text from webhook_deliveries where id in (?, ?, ?, ?) order by created_at",
				oldDelivered, oldDead, oldPending, recentDelivered))
			.containsExactly(oldPending.toString(), recentDelivered.toString());
		assertThat(ids("select event_id from carrier_webhook_deliveries where store_id = ?", this.storeId))
			.containsExactly(recentEvent);
		assertThat(ids("select key from api_idempotency_keys where store_id = ?", this.storeId))
			.containsExactly("recent");
		assertThat(ids(
				"select id || ' ' || status || ' ' || recipient || ' ' || body_text || ' ' "
						+ "|| coalesce(subject, '-') from notify_messages where id in (?, ?, ?) order by created_at",
				oldMessage, oldPendingMessage, recentMessage))
			.containsExactly(oldPendingMessage + " PENDING ana@example.com Hi Ana Shipped",
					oldMessage + " SENT [erased] [erased] -", recentMessage + " SENT ana@example.com Hi Ana Shipped");
		assertThat(ids("select raw_payload from tracking_events where shipment_id = ?", finished))
			.containsExactly("{}");
		assertThat(ids("select raw_code || ' ' || raw_text from tracking_events where shipment_id = ?", finished))
			.containsExactly("011 scan 011");
		assertThat(ids("select raw_payload from tracking_events where shipment_id = ?", live))
			.containsExactly("{\"to\":\"Ana Lima, 12 Elm St\"}");
		Order erased = this.orders.get(this.storeId, "KEEP-1");
		assertThat(erased.getCustomer()).isEqualTo(new Customer(null, null, null, "en"));
		assertThat(erased.getPersonalDataErasedAt()).isNotNull();
		assertThat(this.orders.get(this.storeId, "KEEP-2").getCustomer().email()).isEqualTo("ana@example.com");

		assertThat(this.job.run(CLOCK.instant(), oneAtATime)).containsEntry("webhook-deliveries", 0)
			.containsEntry("message-bodies", 0)
			.containsEntry("raw-payloads", 0)
			.containsEntry("personal-data", 0);
	}

	@Test
	void personalDataIsKeptUnlessARetentionIsSet() {
		Order delivered = order("KEEP-3");
		shipment(delivered, "1Z999AA10000000003", "011", "{}");
		this.jdbc.update("update orders set updated_at = ? where id = ?", at("2020-01-01T00:00:00Z"),
				delivered.getId());

		this.job.run(CLOCK.instant());

		assertThat(this.orders.get(this.storeId, "KEEP-3").getCustomer().email()).isEqualTo("ana@example.com");
		// not a candidate for the other tests of this class
		this.orders.erasePersonalData(this.storeId, delivered.getId());
	}

	@Test
	void theDailyRunHappensOncePerDayAndOnlyWhereTheLockIsFree() throws Exception {
		this.jdbc.update("delete from retention_runs");
		Clock nextDay = Clock.offset(CLOCK, Duration.ofDays(1));

		assertThat(this.job.runOncePerDay(CLOCK)).isPresent();
		assertThat(this.job.runOncePerDay(CLOCK)).as("same day, another instance").isEmpty();
		try (Connection other = this.dataSource.getConnection()) {
			try (PreparedStatement ps = other.prepareStatement("select pg_advisory_lock(?)")) {
				ps.setLong(1, RetentionJob.LOCK_KEY);
				ps.execute();
			}
			assertThat(this.job.runOncePerDay(nextDay)).as("another instance holds the lock").isEmpty();
			try (PreparedStatement ps = other.prepareStatement("select pg_advisory_unlock(?)")) {
				ps.setLong(1, RetentionJob.LOCK_KEY);
				ps.execute();
			}
		}
		Optional<Map<String, Integer>> next = this.job.runOncePerDay(nextDay);
		assertThat(next).isPresent();
		assertThat(next.get().keySet()).containsExactlyInAnyOrder("webhook-deliveries", "inbound-webhooks",
				"idempotency-keys", "message-bodies", "raw-payloads", "personal-data", "help-replies");
		assertThat(this.jdbc.queryForObject("select run_on::text from retention_runs where job = 'retention'",
				String.class))
			.isEqualTo("2026-06-02");
	}

}
