package dev.beacon.promise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import dev.beacon.common.Rows;
import dev.beacon.shipment.ShipmentDelivered;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promise module's table {@code delivery_history}: one row per order, carrier and
 * service, from history imports and from every delivery Beacon tracked ({@code import_id}
 * null). The engine learns from its delivered rows only; it never reads core's tables.
 * The engine's reads stream ({@link #eachSample}, {@link #eachOpen}): a store's history
 * (a million rows and more) is never held in memory at once.
 */
@Repository
class DeliveryHistory {

	/**
	 * Delivered rows of a store; {@link #eachSample} reads and {@link #count} counts
	 * them.
	 */
	private static final String DELIVERED = "from delivery_history where store_id = :store and delivered_at is not null";

	/** The columns of a {@link DeliverySample}. */
	private static final String SAMPLE = """
			select placed_at, shipped_at, delivered_at, promised_by, origin_region, origin_country,
			       destination_region, destination_country, carrier, service
			""";

	/** Rows the streaming reads fetch per round trip. */
	static final int FETCH_SIZE = 5000;

	private final NamedParameterJdbcTemplate jdbc;

	/**
	 * {@link #jdbc}'s data source with {@link #FETCH_SIZE}: a cursor inside a
	 * transaction.
	 */
	private final NamedParameterJdbcTemplate cursor;

	private final TransactionTemplate readOnly;

	DeliveryHistory(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(Objects.requireNonNull(jdbc.getJdbcTemplate().getDataSource()));
		fetching.setFetchSize(FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(fetching);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Hands the store's delivered rows to {@code each} one at a time, in the order they
	 * were delivered (as the model learns them), while they are read: PostgreSQL's driver
	 * fetches {@link #FETCH_SIZE} rows at a time only outside autocommit, hence the
	 * read-only transaction. Parcels of one lane share one {@link Lane}.
	 */
	void eachSample(UUID storeId, ZoneId zone, Consumer<DeliverySample> each) {
		stream(SAMPLE + DELIVERED + " order by delivered_at, placed_at", new MapSqlParameterSource("store", storeId),
				(rs, lanes) -> each.accept(sample(rs, zone, lanes)));
	}

	/**
	 * The store's latest delivered rows: delivered on or after {@code since}, at most
	 * {@code max} of them (the newest), in the order they were delivered; read as
	 * {@link #eachSample} reads (newest first through the cursor, the list reversed).
	 */
	List<DeliverySample> latestSamples(UUID storeId, ZoneId zone, Instant since, int max) {
		List<DeliverySample> samples = new ArrayList<>();
		stream(SAMPLE + DELIVERED + " and delivered_at >= :since order by delivered_at desc, placed_at desc limit :max",
				new MapSqlParameterSource("store", storeId).addValue("since", Timestamp.from(since))
					.addValue("max", max),
				(rs, lanes) -> samples.add(sample(rs, zone, lanes)));
		Collections.reverse(samples);
		return samples;
	}

	/** The store's delivered rows as {@link #eachSample} reads them, in one list. */
	List<DeliverySample> samples(UUID storeId, ZoneId zone) {
		List<DeliverySample> samples = new ArrayList<>();
		eachSample(storeId, zone, samples::add);
		return samples;
	}

	/**
	 * Open rows of a store: not delivered, pending or in transit, ordered on or after
	 * {@code since} (older ones are past the longest delivery the model tells apart).
	 * {@link #openRows} reads and {@link #countOpen} counts them.
	 */
	private static final String OPEN = "from delivery_history where store_id = :store and delivered_at is null"
			+ " and status in ('PENDING', 'IN_TRANSIT') and placed_at >= :since";

	/**
	 * Hands the parcels not delivered yet, ordered on or after {@code since}, to
	 * {@code each} in the order they were placed, while they are read (as
	 * {@link #eachSample}).
	 */
	void eachOpen(UUID storeId, ZoneId zone, Instant since, Consumer<OpenParcel> each) {
		stream("""
				select placed_at, shipped_at, origin_region, origin_country, destination_region, destination_country,
				       carrier, service
				""" + OPEN + " order by placed_at",
				new MapSqlParameterSource("store", storeId).addValue("since", Timestamp.from(since)), (rs, lanes) -> {
					Instant shipped = Rows.instant(rs, "shipped_at");
					each.accept(new OpenParcel(lane(rs, lanes), date(rs.getTimestamp("placed_at").toInstant(), zone),
							(shipped != null) ? date(shipped, zone) : null));
				});
	}

	/** Parcels not delivered yet, ordered on or after {@code since}, in one list. */
	List<OpenParcel> openRows(UUID storeId, ZoneId zone, Instant since) {
		List<OpenParcel> open = new ArrayList<>();
		eachOpen(storeId, zone, since, open::add);
		return open;
	}

	/**
	 * Runs {@code sql} through a cursor in a read-only transaction, handing each row to
	 * {@code row} with the read's lanes so far (one {@link Lane} per distinct lane).
	 */
	private void stream(String sql, MapSqlParameterSource params, StreamedRow row) {
		Map<Lane, Lane> lanes = new HashMap<>();
		RowCallbackHandler each = (rs) -> row.read(rs, lanes);
		this.readOnly.executeWithoutResult((tx) -> this.cursor.query(sql, params, each));
	}

	@FunctionalInterface
	private interface StreamedRow {

		void read(ResultSet rs, Map<Lane, Lane> lanes) throws SQLException;

	}

	long countOpen(UUID storeId, Instant since) {
		Long n = this.jdbc.queryForObject("select count(*) " + OPEN,
				new MapSqlParameterSource("store", storeId).addValue("since", Timestamp.from(since)), Long.class);
		return (n != null) ? n : 0;
	}

	long count(UUID storeId) {
		Long n = this.jdbc.queryForObject("select count(*) " + DELIVERED, new MapSqlParameterSource("store", storeId),
				Long.class);
		return (n != null) ? n : 0;
	}

	/**
	 * Records a delivery Beacon tracked (replacing an imported row of the same order).
	 */
	void record(ShipmentDelivered e) {
		this.jdbc.update("""
				insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at,
				  delivered_at, promised_by, origin_region, origin_country, destination_region,
				  destination_postal_code, destination_country, status, import_id)
				values (:store, :order, :carrier, :service, :placed, :shipped, :delivered, :promised, :originRegion,
				  :originCountry, :destRegion, :destPostal, :destCountry, 'DELIVERED', null)
				on conflict (store_id, order_number, carrier, service) do update set
				  placed_at = excluded.placed_at, shipped_at = excluded.shipped_at,
				  delivered_at = excluded.delivered_at, promised_by = excluded.promised_by,
				  origin_region = excluded.origin_region, origin_country = excluded.origin_country,
				  destination_region = excluded.destination_region,
				  destination_postal_code = excluded.destination_postal_code,
				  destination_country = excluded.destination_country, status = excluded.status, import_id = null""",
				new MapSqlParameterSource("store", e.storeId()).addValue("order", e.orderNumber())
					.addValue("carrier", cut(e.carrier(), 20))
					.addValue("service", cut((e.service() != null) ? e.service() : "", 100))
					.addValue("placed", Timestamp.from(e.placedAt()))
					.addValue("shipped", (e.shippedAt() != null) ? Timestamp.from(e.shippedAt()) : null)
					.addValue("delivered", Timestamp.from(e.deliveredAt()))
					.addValue("promised", e.promisedBy())
					.addValue("originRegion", cut(e.origin().region(), 120))
					.addValue("originCountry", cut(e.origin().country(), 2))
					.addValue("destRegion", cut(e.destination().region(), 120))
					.addValue("destPostal", cut(e.destination().postalCode(), 20))
					.addValue("destCountry", cut(e.destination().country(), 2)));
	}

	private static @Nullable String cut(@Nullable String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	private static DeliverySample sample(ResultSet rs, ZoneId zone, Map<Lane, Lane> lanes) throws SQLException {
		Instant shipped = Rows.instant(rs, "shipped_at");
		return new DeliverySample(lane(rs, lanes), date(rs.getTimestamp("placed_at").toInstant(), zone),
				(shipped != null) ? date(shipped, zone) : null, date(rs.getTimestamp("delivered_at").toInstant(), zone),
				Rows.date(rs, "promised_by"));
	}

	private static Lane lane(ResultSet rs, Map<Lane, Lane> lanes) throws SQLException {
		Lane lane = Lane.of(rs.getString("origin_region"), rs.getString("origin_country"),
				rs.getString("destination_region"), rs.getString("destination_country"), rs.getString("carrier"),
				rs.getString("service"));
		Lane known = lanes.putIfAbsent(lane, lane);
		return (known != null) ? known : lane;
	}

	static LocalDate date(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

}
