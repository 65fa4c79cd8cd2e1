package dev.beacon.promise;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.beacon.common.BackgroundLoops;
import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries reach the engine as {@code delivery_history} rows written with the delivery;
 * with several instances, a delivery processed by another instance reaches this one's
 * model through the periodic refresh (simulated here by writing the row straight to the
 * database, as the other instance's transaction would). The refresh is the
 * {@code promise-refresh} loop of core's BackgroundLoops (its own thread, every
 * {@code beacon.promise.refresh-interval}). Test orders are never learned.
 */
class PromiseRefreshTests extends PromiseIntegrationTest {

	@Autowired
	PromiseEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BackgroundLoops loops;

	@Test
	void deliveriesRecordedByAnotherInstanceAreLearnedOnRefresh() {
		Store store = store("refresh");
		Instant placed = Instant.parse("2026-03-02T10:00:00Z");
		int before = this.engine.samples(store.getId());
		this.jdbc.update("""
				insert into delivery_history (store_id, order_number, carrier, service, placed_at, delivered_at,
				  destination_country, status)
				values (?, 'R-1', 'sandbox', 'ground', ?, ?, 'US', 'DELIVERED')""", store.getId(),
				Timestamp.from(placed), Timestamp.from(placed.plusSeconds(3 * 86400)));
		assertThat(this.engine.samples(store.getId())).isEqualTo(before);
		BackgroundLoops.Loop refresh = this.loops.loops()
			.stream()
			.filter((l) -> l.name().equals("promise-refresh"))
			.findFirst()
			.orElseThrow();
		assertThat(refresh.interval()).isEqualTo(Duration.ofMinutes(1));
		refresh.runOnce();
		assertThat(refresh.lastSuccess()).isNotNull();
		assertThat(this.engine.samples(store.getId())).isEqualTo(before + 1);
		assertThat(this.engine.deliveredSamples(store.getId())).isEqualTo(before + 1);
	}

	@Test
	void aDeliveryIsWrittenToTheHistoryWithItsLaneAndDatesAndTestOrdersAreNot() {
		Store store = store("learn");
		Instant placed = Instant.parse("2026-03-02T10:00:00Z");
		Order order = order(store, "L-1", placed, "NY", java.time.LocalDate.of(2026, 3, 9), false);
		ShipmentView shipment = ship(store, order, "sandbox", "SBX0000007002", "ground", placed.plusSeconds(3600));
		Order test = order(store, "T-1", placed, "NY", null, true);
		ShipmentView testShipment = ship(store, test, "sandbox", "SBX0000007003", "ground", placed.plusSeconds(3600));
		scans(shipment, "DL@2026-03-05T15:00:00Z");
		scans(testShipment, "DL@2026-03-05T15:00:00Z");
		var rows = this.jdbc.queryForList(
				"select order_number, carrier, service, origin_region, destination_region, destination_country, "
						+ "placed_at, delivered_at, promised_by, status, import_id from delivery_history where store_id = ?",
				store.getId());
		assertThat(rows).hasSize(1);
		var row = rows.get(0);
		assertThat(row.get("order_number")).isEqualTo("L-1");
		assertThat(row.get("carrier")).isEqualTo("sandbox");
		assertThat(row.get("service")).isEqualTo("ground");
		assertThat(row.get("origin_region")).isEqualTo("NY");
		assertThat(row.get("destination_region")).isEqualTo("NY");
		assertThat(row.get("destination_country")).isEqualTo("US");
		assertThat(((Timestamp) row.get("placed_at")).toInstant()).isEqualTo(placed);
		assertThat(((Timestamp) row.get("delivered_at")).toInstant()).isEqualTo(Instant.parse("2026-03-05T15:00:00Z"));
		assertThat(row.get("promised_by").toString()).isEqualTo("2026-03-09");
		assertThat(row.get("status")).isEqualTo("DELIVERED");
		assertThat(row.get("import_id")).isNull();
		assertThat(this.engine.deliveredSamples(store.getId())).isEqualTo(1);
	}

}
