package dev.beacon.promise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.beacon.shipment.ShipmentDelivered;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The promise module's table {@code delivery_history}: one row per order, carrier and
 * service, from history imports and from every delivery Beacon tracked ({@code import_id}
 * null). The engine learns from its delivered rows only; it never reads core's tables.
 */
@Repository
class DeliveryHistory {

	/**
	 * Delivered rows of a store; {@link #samples} reads and {@link #count} counts them.
	 */
	private static final String DELIVERED = "from delivery_history where store_id = :store and delivered_at is not null";

	private final NamedParameterJdbcTemplate jdbc;

	DeliveryHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<DeliverySample> samples(UUID storeId, ZoneId zone) {
		return this.jdbc.query("""
				select placed_at, shipped_at, delivered_at, promised_by, origin_region, origin_country,
				       destination_region, destination_country, carrier, service
				""" + DELIVERED + " order by delivered_at, placed_at", new MapSqlParameterSource("store", storeId),
				(rs, i) -> sample(rs, zone));
	}

	/**
	 * Open rows of a store: not delivered, pending or in transit, ordered on or after
	 * {@code since} (older ones are past the longest delivery the model tells apart).
	 * {@link #openRows} reads and {@link #countOpen} counts them.
	 */
	private static final String OPEN = "from delivery_history where store_id = :store and delivered_at is null"
			+ " and status in ('PENDING', 'IN_TRANSIT') and placed_at >= :since";

	/** Parcels not delivered yet, ordered on or after {@code since}. */
	List<OpenParcel> openRows(UUID storeId, ZoneId zone, Instant since) {
		return this.jdbc.query("""
				select placed_at, shipped_at, origin_region, origin_country, destination_region, destination_country,
				       carrier, service
				""" + OPEN + " order by placed_at",
				new MapSqlParameterSource("store", storeId).addValue("since", Timestamp.from(since)), (rs, i) -> {
					Timestamp shipped = rs.getTimestamp("shipped_at");
					return new OpenParcel(lane(rs), date(rs.getTimestamp("placed_at").toInstant(), zone),
							(shipped != null) ? date(shipped.toInstant(), zone) : null);
				});
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

	private static DeliverySample sample(ResultSet rs, ZoneId zone) throws SQLException {
		Timestamp shipped = rs.getTimestamp("shipped_at");
		java.sql.Date promised = rs.getDate("promised_by");
		return new DeliverySample(lane(rs), date(rs.getTimestamp("placed_at").toInstant(), zone),
				(shipped != null) ? date(shipped.toInstant(), zone) : null,
				date(rs.getTimestamp("delivered_at").toInstant(), zone),
				(promised != null) ? promised.toLocalDate() : null);
	}

	private static Lane lane(ResultSet rs) throws SQLException {
		return Lane.of(rs.getString("origin_region"), rs.getString("origin_country"),
				rs.getString("destination_region"), rs.getString("destination_country"), rs.getString("carrier"),
				rs.getString("service"));
	}

	static LocalDate date(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

}
