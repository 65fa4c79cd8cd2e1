package dev.beacon.promise;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.beacon.common.BusinessCalendar;
import dev.beacon.store.Store;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code beacon.promise.open-parcels} the engine also learns the store's imported
 * rows not delivered yet (pending or in transit) as open parcels, aged on the engine's
 * clock, and relearns when one of them is delivered.
 */
class OpenParcelsEngineTests extends PromiseIntegrationTest {

	private static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");

	private static final Lane LANE = Lane.of("NY", "US", "NY", "US", "sandbox", "ground");

	@Autowired
	DeliveryHistory history;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * 52 parcels took 3 business days, 4 took 12: promised at 90% in 3 days. Ten parcels
	 * handed over 8 business days ago have not arrived: with them, the 90% promise is 12.
	 */
	@Test
	void openImportedRowsLengthenThePromiseAndTheirDeliveryIsRelearned() {
		Store store = store("open");
		LocalDate d = LocalDate.of(2026, 1, 5);
		for (int i = 0; i < 56; i++, d = BusinessCalendar.addBusinessDays(d, 1, "US")) {
			LocalDate delivered = BusinessCalendar.addBusinessDays(d, (i % 14 == 13) ? 12 : 3, "US");
			row(store, "D-" + i, d, d, delivered);
		}
		// 8 business days before Monday 30 March
		LocalDate placed = LocalDate.of(2026, 3, 18);
		assertThat(BusinessCalendar.businessDaysBetween(placed, LocalDate.of(2026, 3, 30), "US")).isEqualTo(8);
		for (int i = 0; i < 10; i++) {
			row(store, "O-" + i, placed, placed, null);
		}
		PromiseEngine delivered = engine(false);
		PromiseEngine open = engine(true);
		assertThat(delivered.promise(store.getId(), LANE, NOW).orElseThrow().latestDays()).isEqualTo(3);
		assertThat(open.promise(store.getId(), LANE, NOW).orElseThrow().latestDays()).isEqualTo(12);
		assertThat(open.model(store.getId()).openParcels()).isEqualTo(10);
		assertThat(open.openSamples(store.getId())).isEqualTo(10);
		assertThat(delivered.openSamples(store.getId())).isZero();

		// they arrive today, after 8 business days: relearned on the next refresh
		this.jdbc.update("update delivery_history set delivered_at = ?, status = 'DELIVERED' where store_id = ?"
				+ " and order_number like 'O-%'", Timestamp.from(NOW.minusSeconds(3600)), store.getId());
		open.refreshFromDatabase();
		assertThat(open.model(store.getId()).openParcels()).isZero();
		assertThat(open.samples(store.getId())).isEqualTo(66);
		assertThat(open.promise(store.getId(), LANE, NOW).orElseThrow().latestDays()).isEqualTo(8);
	}

	private PromiseEngine engine(boolean openParcels) {
		return new PromiseEngine(this.history, this.stores,
				new PromiseSettings(30, Duration.ZERO, 0.5, false, openParcels), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private void row(Store store, String order, LocalDate placed, LocalDate shipped, LocalDate delivered) {
		this.jdbc.update("""
				insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at,
				  delivered_at, origin_region, origin_country, destination_region, destination_country, status)
				values (?, ?, 'sandbox', 'ground', ?, ?, ?, 'NY', 'US', 'NY', 'US', ?)""", store.getId(), order,
				at(placed), at(shipped), (delivered != null) ? at(delivered) : null,
				(delivered != null) ? "DELIVERED" : "IN_TRANSIT");
	}

	private static Timestamp at(LocalDate date) {
		return Timestamp.from(date.atTime(10, 0).toInstant(ZoneOffset.UTC));
	}

}
