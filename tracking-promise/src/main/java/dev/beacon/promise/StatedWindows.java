package dev.beacon.promise;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.status.DeliveryWindow;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The windows the engine stated for shipments ({@code promise_windows}): written by
 * {@link PromiseDeliveryEstimator} when it places a window, read by the tracking page
 * through core's {@link EstimateConfidence} ("9 in 10 similar orders arrived by ...").
 */
@Repository
class StatedWindows implements EstimateConfidence {

	private final NamedParameterJdbcTemplate jdbc;

	StatedWindows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a stated window; the first window's last day is kept. */
	void record(UUID storeId, UUID shipmentId, Promise promise, Instant now) {
		this.jdbc.update(
				"""
						insert into promise_windows (shipment_id, store_id, earliest, latest, confidence, first_latest, stated_at)
						values (:shipment, :store, :earliest, :latest, :confidence, :latest, :now)
						on conflict (shipment_id) do update set earliest = excluded.earliest, latest = excluded.latest,
						  confidence = excluded.confidence, stated_at = excluded.stated_at
						where promise_windows.earliest <> excluded.earliest or promise_windows.latest <> excluded.latest
						  or promise_windows.confidence <> excluded.confidence""",
				new MapSqlParameterSource("shipment", shipmentId).addValue("store", storeId)
					.addValue("earliest", Date.valueOf(promise.earliest()))
					.addValue("latest", Date.valueOf(promise.latest()))
					.addValue("confidence", BigDecimal.valueOf(promise.confidence()))
					.addValue("now", Timestamp.from(now)));
	}

	@Override
	public Optional<Stated> stated(UUID shipmentId, DeliveryWindow window) {
		List<Stated> rows = this.jdbc.query(
				"select confidence, first_latest from promise_windows where shipment_id = :shipment"
						+ " and earliest = :earliest and latest = :latest",
				new MapSqlParameterSource("shipment", shipmentId).addValue("earliest", Date.valueOf(window.earliest()))
					.addValue("latest", Date.valueOf(window.latest())),
				(rs, i) -> new Stated(rs.getBigDecimal("confidence").doubleValue(),
						rs.getDate("first_latest").toLocalDate()));
		return rows.stream().findFirst();
	}

}
