package dev.beacon.promise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.beacon.imports.ImportJobs;
import dev.beacon.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine learns a store's history while it reads it (a cursor in a read-only
 * transaction) and never holds it as a list: 1.2M delivered rows did not fit in a 512 MB
 * heap (docs/performance.md, fix 13). What it learns is what the list taught.
 */
class DeliveryHistoryStreamTests extends PromiseIntegrationTest {

	private static final Instant NOW = Instant.parse("2024-11-15T12:00:00Z");

	private static final ZoneId UTC = ZoneOffset.UTC;

	/** Trend and open parcels on: the load reads the open rows too. */
	private static final PromiseSettings SETTINGS = new PromiseSettings(30, Duration.ofDays(30), 0.5, true, true, true);

	private static final List<Lane> LANES = List.of(Lane.of("CA", "US", "NY", "US", "ups", "ground"),
			Lane.of("CA", "US", "TX", "US", "fedex", "express"), Lane.of("CA", "US", "FL", "US", "usps", "priority"),
			Lane.of("CA", "US", "OH", "US", "ups", "ground"));

	@Autowired
	ImportJobs imports;

	@Autowired
	DeliveryHistory history;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@Test
	void theEngineLearnsWhileItReadsAndNeverAsksForTheList() throws Exception {
		Store store = storeWithHistory();
		PromiseEngine streaming = new PromiseEngine(new NoLists(this.named, this.transactions), this.stores, SETTINGS,
				Clock.fixed(NOW, UTC));

		TransitModel listed = PromiseEngine.newModel(SETTINGS);
		this.history.samples(store.getId(), UTC).forEach(listed::add);
		LocalDate today = LocalDate.ofInstant(NOW, UTC);
		this.history.openRows(store.getId(), UTC, NOW.minus(Duration.ofDays(120)))
			.forEach((p) -> listed.open(p, today));

		TransitModel learned = streaming.model(store.getId());
		assertThat(learned.size()).isEqualTo(listed.size()).isGreaterThan(1900);
		assertThat(learned.openParcels()).isEqualTo(listed.openParcels()).isEqualTo(12);
		assertThat(PromiseEngine.target(90, learned)).isEqualTo(PromiseEngine.target(90, listed));
		for (Lane lane : LANES) {
			for (boolean fromHandover : new boolean[] { false, true }) {
				assertThat(learned.promise(lane, today, fromHandover, 0.9, 0.5))
					.isEqualTo(listed.promise(lane, today, fromHandover, 0.9, 0.5))
					.isPresent();
			}
		}
	}

	@Test
	void rowsArriveOneAtATimeInDeliveredOrderInsideAReadOnlyTransaction() throws Exception {
		Store store = storeWithHistory();
		List<DeliverySample> streamed = new ArrayList<>();
		this.history.eachSample(store.getId(), UTC, (s) -> {
			// PostgreSQL's driver uses the fetch size (a cursor) only outside autocommit
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
			assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
			streamed.add(s);
		});
		assertThat(streamed).containsExactlyElementsOf(this.history.samples(store.getId(), UTC))
			.isSortedAccordingTo(Comparator.comparing(DeliverySample::delivered));
		// parcels of one lane share one Lane
		assertThat(streamed.stream().map(DeliverySample::lane).distinct())
			.allSatisfy((lane) -> assertThat(streamed.stream().filter((s) -> s.lane().equals(lane)))
				.allSatisfy((s) -> assertThat(s.lane()).isSameAs(lane)));
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void theLatestSamplesAreThoseDeliveredSinceAtMostMaxOfTheNewestInDeliveredOrder() throws Exception {
		Store store = storeWithHistory();
		List<DeliverySample> all = this.history.samples(store.getId(), UTC);
		LocalDate cut = LocalDate.of(2024, 7, 1);
		Instant since = cut.atStartOfDay(UTC).toInstant();
		List<DeliverySample> window = all.stream().filter((s) -> !s.delivered().isBefore(cut)).toList();
		assertThat(window.size()).isBetween(200, all.size() - 200);

		assertThat(this.history.latestSamples(store.getId(), UTC, since, 1_000_000))
			.containsExactlyInAnyOrderElementsOf(window)
			.isSortedAccordingTo(Comparator.comparing(DeliverySample::delivered));

		List<DeliverySample> capped = this.history.latestSamples(store.getId(), UTC, since, 100);
		assertThat(capped).hasSize(100).isSortedAccordingTo(Comparator.comparing(DeliverySample::delivered));
		assertThat(capped.stream().map(DeliverySample::delivered)).containsExactlyElementsOf(
				all.subList(all.size() - 100, all.size()).stream().map(DeliverySample::delivered).toList());
	}

	/** 2,000 delivered parcels in 2024 and 12 still in transit. */
	private Store storeWithHistory() throws Exception {
		Store store = store("stream");
		Path file = this.dir.resolve(store.getSlug() + ".csv");
		Files.writeString(file, HistoryGenerator.csv(2000, 7, LocalDate.of(2024, 1, 2), "S-"));
		this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "gen.csv", file, (p) -> {
		});
		for (int i = 0; i < 12; i++) {
			Timestamp placed = Timestamp.from(NOW.minus(Duration.ofDays(4 + i % 3)));
			this.jdbc.update("""
					insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at,
					  origin_region, origin_country, destination_region, destination_country, status)
					values (?, ?, 'ups', 'ground', ?, ?, 'CA', 'US', 'NY', 'US', 'IN_TRANSIT')""", store.getId(),
					"O-" + i, placed, placed);
		}
		return store;
	}

	/**
	 * The history without its list-returning reads: the engine's load must not need them.
	 */
	static class NoLists extends DeliveryHistory {

		NoLists(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
			super(jdbc, transactions);
		}

		@Override
		List<DeliverySample> samples(UUID storeId, ZoneId zone) {
			throw new AssertionError("the model load read the whole history into a list");
		}

		@Override
		List<OpenParcel> openRows(UUID storeId, ZoneId zone, Instant since) {
			throw new AssertionError("the model load read the open rows into a list");
		}

	}

}
