package dev.beacon.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.Address;
import dev.beacon.order.OrderStatus;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Progress;

/**
 * What {@link ShipmentTracking#recompute} needs of a shipment's order, in one plain-JDBC
 * statement in the caller's transaction: the order's fields the delivery window and the
 * events use, its derived status as stored, and where each of its shipments stands (no
 * order, item or shipment entity to hydrate, translate or dirty-check). It reads what the
 * transaction has flushed: the caller's own shipment is taken as it is in memory
 * ({@link Facts#parcels}); every other pending change of the order or its shipments has
 * been flushed by the time a shipment is locked ({@code ShipmentTracking} flushes them
 * before it locks the shipment).
 */
@Component
class OrderFacts {

	private final JdbcTemplate jdbc;

	OrderFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The order of a shipment as recompute reads it. */
	record Facts(String orderNumber, Instant placedAt, @Nullable LocalDate promisedBy, boolean test, Address origin,
			Address destination, OrderStatus.Derived stored, boolean cancelled, List<Parcel> shipments) {

		/**
		 * Where the order's shipments stand, in the order they were registered, with
		 * {@code current} as it is in memory (registered just now, it is not stored yet).
		 */
		List<Progress> parcels(Shipment current) {
			List<Progress> out = new ArrayList<>(this.shipments.size() + 1);
			boolean seen = false;
			for (Parcel p : this.shipments) {
				if (p.id().equals(current.getId())) {
					seen = true;
					out.add(new Progress(current.status().milestone(), current.status().health()));
				}
				else {
					out.add(p.progress());
				}
			}
			if (!seen) {
				out.add(new Progress(current.status().milestone(), current.status().health()));
			}
			return out;
		}

	}

	/** One shipment of the order, as stored. */
	record Parcel(UUID id, Progress progress) {
	}

	/** The facts of {@code shipment}'s order. */
	Facts of(Shipment shipment) {
		List<Parcel> parcels = new ArrayList<>();
		Facts[] facts = new Facts[1];
		this.jdbc.query(
				"""
						select o.order_number, o.placed_at, o.promised_by, o.test, o.status, o.health, o.cancelled_at,
						  o.origin_postal_code, o.origin_city, o.origin_region, o.origin_country,
						  o.dest_postal_code, o.dest_city, o.dest_region, o.dest_country, s.id, s.milestone, s.health as s_health
						from orders o left join shipments s on s.order_id = o.id and s.removed_at is null
						where o.id = ? and o.store_id = ?
						order by s.created_at, s.id""",
				(ResultSet rs) -> {
					if (facts[0] == null) {
						facts[0] = read(rs, parcels);
					}
					UUID id = rs.getObject("id", UUID.class);
					if (id != null) {
						parcels.add(new Parcel(id, new Progress(Milestone.valueOf(rs.getString("milestone")),
								Health.valueOf(rs.getString("s_health")))));
					}
				}, shipment.getOrderId(), shipment.getStoreId());
		if (facts[0] == null) {
			throw new IllegalStateException("order " + shipment.getOrderId() + " of shipment " + shipment.getId()
					+ " not found in store " + shipment.getStoreId());
		}
		return facts[0];
	}

	private static Facts read(ResultSet rs, List<Parcel> parcels) throws SQLException {
		LocalDate promised = rs.getObject("promised_by", LocalDate.class);
		return new Facts(rs.getString("order_number"), rs.getTimestamp("placed_at").toInstant(), promised,
				rs.getBoolean("test"),
				new Address(rs.getString("origin_postal_code"), rs.getString("origin_city"),
						rs.getString("origin_region"), rs.getString("origin_country")),
				new Address(rs.getString("dest_postal_code"), rs.getString("dest_city"), rs.getString("dest_region"),
						rs.getString("dest_country")),
				new OrderStatus.Derived(OrderStatus.valueOf(rs.getString("status")),
						Health.valueOf(rs.getString("health"))),
				rs.getTimestamp("cancelled_at") != null, parcels);
	}

}
