package dev.beacon.admin.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery performance of one store over orders placed between two dates (inclusive, in
 * the store's time zone): Beacon's shipments of non-test orders plus imported history
 * (history rows whose order Beacon also knows are left out, so nothing counts twice).
 */
@Component
public class DeliveryPerformance {

	/**
	 * Bounds of the dates a query uses: a report may cover any range (an "all time"
	 * report over years of history), and dates beyond these hold no data anyway.
	 */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

	private final NamedParameterJdbcTemplate jdbc;

	private final StoreManagement stores;

	DeliveryPerformance(NamedParameterJdbcTemplate jdbc, StoreManagement stores) {
		this.jdbc = jdbc;
		this.stores = stores;
	}

	@Transactional(readOnly = true)
	public List<PerformanceRow> report(UUID storeId, LocalDate from, LocalDate to, GroupBy groupBy) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to must not be before from");
		}
		Store store = this.stores.byId(storeId).orElseThrow();
		ZoneId zone = store.getTimeZone();
		LocalDate first = from.isBefore(EARLIEST) ? EARLIEST : from.isAfter(LATEST) ? LATEST : from;
		LocalDate last = to.isAfter(LATEST) ? LATEST : to.isBefore(EARLIEST) ? EARLIEST : to;
		MapSqlParameterSource p = new MapSqlParameterSource("store", storeId)
			.addValue("from", Timestamp.from(first.atStartOfDay(zone).toInstant()))
			.addValue("to", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
			.addValue("tz", zone.getId());
		String sql = """
				with d as (
				  select o.id::text as order_key, o.placed_at, s.shipped_at, s.delivered_at, o.promised_by,
				         o.dest_region as destination_region, s.carrier, coalesce(s.service, '') as service,
				         (s.action_required or s.health in ('EXCEPTION', 'ACTION_REQUIRED')
				          or exists (select 1 from shipment_transitions t where t.shipment_id = s.id
				                     and t.to_health in ('EXCEPTION', 'ACTION_REQUIRED'))) as exception,
				         (s.reason = 'LOST') as lost,
				         case when s.id = (select s2.id from shipments s2 where s2.order_id = o.id
				                           and s2.removed_at is null order by s2.created_at, s2.id limit 1)
				              then (select count(*) from help_requests h where h.order_id = o.id
				                    and h.store_id = o.store_id and h.topic = 'WHERE_IS_IT')
				              else 0 end as wismo
				  from shipments s join orders o on o.id = s.order_id
				  where s.store_id = :store and o.store_id = :store and not o.test and s.removed_at is null
				    and o.placed_at >= :from and o.placed_at < :to
				  union all
				  select 'h:' || h.order_number, h.placed_at, h.shipped_at, h.delivered_at, h.promised_by,
				         h.destination_region, h.carrier, h.service,
				         h.status in ('EXCEPTION', 'RETURNED', 'LOST'), h.status = 'LOST', 0
				  from delivery_history h
				  where h.store_id = :store and h.placed_at >= :from and h.placed_at < :to
				    and not exists (select 1 from orders o where o.store_id = h.store_id and o.order_number = h.order_number)
				)
				select %s as key,
				       count(*) as shipments,
				       count(delivered_at) as delivered,
				       count(*) filter (where delivered_at is not null and promised_by is not null
				                        and (delivered_at at time zone :tz)::date <= promised_by) as on_time,
				       count(*) filter (where delivered_at is not null and promised_by is not null) as promised,
				       percentile_cont(0.5) within group (order by extract(epoch from shipped_at - placed_at) / 86400.0) as med_ship,
				       percentile_cont(0.9) within group (order by extract(epoch from shipped_at - placed_at) / 86400.0) as p90_ship,
				       percentile_cont(0.5) within group (order by extract(epoch from delivered_at - shipped_at) / 86400.0) as med_transit,
				       percentile_cont(0.9) within group (order by extract(epoch from delivered_at - shipped_at) / 86400.0) as p90_transit,
				       count(*) filter (where exception) as exceptions,
				       count(*) filter (where lost) as lost,
				       sum(wismo) as wismo,
				       count(distinct order_key) as orders
				from d group by 1 order by 1"""
			.formatted(groupBy.sql());
		return this.jdbc.query(sql, p, DeliveryPerformance::row);
	}

	private static PerformanceRow row(ResultSet rs, int i) throws SQLException {
		long shipments = rs.getLong("shipments");
		long promised = rs.getLong("promised");
		long orders = rs.getLong("orders");
		return new PerformanceRow(rs.getString("key"), shipments, rs.getLong("delivered"),
				(promised == 0) ? null : round3((double) rs.getLong("on_time") / promised), days(rs, "med_ship"),
				days(rs, "p90_ship"), days(rs, "med_transit"), days(rs, "p90_transit"),
				(shipments == 0) ? 0 : round3((double) rs.getLong("exceptions") / shipments),
				(shipments == 0) ? 0 : round3((double) rs.getLong("lost") / shipments),
				(orders == 0) ? 0 : Math.round(rs.getLong("wismo") * 1000.0 / orders) / 10.0, orders);
	}

	private static @Nullable Double days(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
	}

	private static double round3(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

}
