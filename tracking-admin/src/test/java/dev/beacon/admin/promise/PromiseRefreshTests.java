package dev.beacon.admin.promise;

import java.time.Instant;

import dev.beacon.admin.AdminIntegrationTest;
import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With several instances, a delivery processed by another instance reaches this one's
 * model through the periodic refresh (simulated here by writing the delivery straight to
 * the database, as the other instance's transaction would).
 */
class PromiseRefreshTests extends AdminIntegrationTest {

	@Autowired
	PromiseEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void deliveriesRecordedByAnotherInstanceAreLearnedOnRefresh() {
		Store store = store("refresh");
		Instant placed = Instant.parse("2026-03-02T10:00:00Z");
		Order order = order(store, "R-1", placed, "R", "r@example.com", null, "NY", null, false);
		ShipmentView shipment = ship(store, order, "sandbox", "SBX0000007001", "ground", placed.plusSeconds(3600));
		int before = this.engine.samples(store.getId());
		this.jdbc.update("update shipments set milestone = 'DELIVERED', delivered_at = ? where id = ?",
				java.sql.Timestamp.from(placed.plusSeconds(3 * 86400)), shipment.id());
		assertThat(this.engine.samples(store.getId())).isEqualTo(before);
		this.engine.refreshFromDatabase();
		assertThat(this.engine.samples(store.getId())).isEqualTo(before + 1);
		assertThat(this.engine.deliveredSamples(store.getId())).isEqualTo(before + 1);
	}

}
