package dev.beacon.admin.promise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.beacon.admin.imports.HistoryImported;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Learns business-day transit distributions per lane from a store's delivered history
 * (Beacon's own delivered shipments plus imported history, test orders excluded) and
 * promises windows at the store's target reliability. A store's model is loaded on first
 * use and kept current: a delivered shipment is added as soon as its transaction commits,
 * and a finished import rebuilds the model from the database.
 */
@Service
@EnableConfigurationProperties(PromiseSettings.class)
public class PromiseEngine {

	private static final Logger log = LoggerFactory.getLogger(PromiseEngine.class);

	/**
	 * The store's delivered samples: Beacon's own delivered shipments (test orders
	 * excluded) and imported history for orders Beacon does not track. {@link #history}
	 * reads them and {@link #deliveredSamples} counts them, so the two can never
	 * disagree.
	 */
	private static final String DELIVERED_SAMPLES = """
			select o.placed_at, s.shipped_at, s.delivered_at, o.promised_by, o.origin_region, o.origin_country,
			       o.dest_region as destination_region, o.dest_country as destination_country, s.carrier,
			       coalesce(s.service, '') as service
			from shipments s join orders o on o.id = s.order_id
			where s.store_id = :store and s.delivered_at is not null and not o.test and s.removed_at is null
			union all
			select h.placed_at, h.shipped_at, h.delivered_at, h.promised_by, h.origin_region, h.origin_country,
			       h.destination_region, h.destination_country, h.carrier, h.service
			from delivery_history h
			where h.store_id = :store and h.delivered_at is not null
			  and not exists (select 1 from orders o where o.store_id = h.store_id and o.order_number = h.order_number)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final ObjectProvider<ShipmentManagement> shipments;

	private final PromiseSettings settings;

	private final Map<UUID, TransitModel> models = new ConcurrentHashMap<>();

	PromiseEngine(NamedParameterJdbcTemplate jdbc, StoreManagement stores, OrderManagement orders,
			ObjectProvider<ShipmentManagement> shipments, PromiseSettings settings) {
		this.jdbc = jdbc;
		this.stores = stores;
		this.orders = orders;
		this.shipments = shipments;
		this.settings = settings;
	}

	/** The promise for an order placed at {@code orderedAt} on {@code lane}. */
	public Optional<Promise> promise(UUID storeId, Lane lane, Instant orderedAt) {
		Store store = this.stores.byId(storeId).orElseThrow();
		LocalDate start = orderedAt.atZone(store.getTimeZone()).toLocalDate();
		return model(storeId).promise(lane, start, false, store.getTargetReliability() / 100.0);
	}

	/** The window for a parcel handed to the carrier at {@code shippedAt}. */
	public Optional<Promise> fromHandover(UUID storeId, Lane lane, Instant shippedAt) {
		Store store = this.stores.byId(storeId).orElseThrow();
		LocalDate start = shippedAt.atZone(store.getTimeZone()).toLocalDate();
		return model(storeId).promise(lane, start, true, store.getTargetReliability() / 100.0);
	}

	/** Delivered parcels the store's model has learned from. */
	public int samples(UUID storeId) {
		return model(storeId).size();
	}

	/** The store's delivered history, oldest order first (for backtests). */
	public List<DeliverySample> history(UUID storeId) {
		ZoneId zone = this.stores.byId(storeId).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
		return this.jdbc.query("select * from (" + DELIVERED_SAMPLES + ") d order by placed_at",
				new MapSqlParameterSource("store", storeId), (rs, i) -> sample(rs, zone));
	}

	TransitModel model(UUID storeId) {
		return this.models.computeIfAbsent(storeId, this::load);
	}

	private TransitModel load(UUID storeId) {
		TransitModel model = new TransitModel(this.settings.minSamples());
		history(storeId).forEach(model::add);
		log.debug("Promise model of store {} learned from {} deliveries", storeId, model.size());
		return model;
	}

	/** A shipment was delivered: learn from it once the delivery is committed. */
	@EventListener
	void on(ShipmentStatusChanged event) {
		if (event.toMilestone() != Milestone.DELIVERED || event.fromMilestone() == Milestone.DELIVERED) {
			return;
		}
		TransitModel model = this.models.get(event.storeId());
		if (model == null) {
			return; // loaded from the database, delivery included, on first use
		}
		Optional<Order> order = this.orders.find(event.storeId(), event.orderId());
		Optional<ShipmentView> shipment = this.shipments.getObject().byId(event.shipmentId());
		if (order.isEmpty() || order.get().isTest() || shipment.isEmpty()) {
			return;
		}
		ZoneId zone = this.stores.byId(event.storeId()).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
		Order o = order.get();
		ShipmentView s = shipment.get();
		Instant delivered = (s.deliveredAt() != null) ? s.deliveredAt()
				: (event.occurredAt() != null) ? event.occurredAt() : event.recordedAt();
		DeliverySample sample = new DeliverySample(
				Lane.of(o.getOrigin().region(), o.getOrigin().country(), o.getDestination().region(),
						o.getDestination().country(), s.carrier(), s.service()),
				date(o.getPlacedAt(), zone), (s.shippedAt() != null) ? date(s.shippedAt(), zone) : null,
				date(delivered, zone), o.getPromisedBy());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					model.add(sample);
				}
			});
		}
		else {
			model.add(sample);
		}
	}

	/**
	 * Other instances learn deliveries this one never saw: every
	 * {@code beacon.promise.refresh-interval} (default one minute) each cached model
	 * whose size differs from the number of delivered samples in the database is
	 * relearned. One indexed count per cached store; no rebuild when nothing changed.
	 */
	@Scheduled(fixedDelayString = "${beacon.promise.refresh-interval:PT1M}",
			initialDelayString = "${beacon.promise.refresh-interval:PT1M}")
	void refreshFromDatabase() {
		for (Map.Entry<UUID, TransitModel> entry : this.models.entrySet()) {
			long stored = deliveredSamples(entry.getKey());
			if (stored != entry.getValue().size()) {
				this.models.put(entry.getKey(), load(entry.getKey()));
				log.debug("Promise model of store {} relearned: {} deliveries in the database", entry.getKey(), stored);
			}
		}
	}

	long deliveredSamples(UUID storeId) {
		Long n = this.jdbc.queryForObject("select count(*) from (" + DELIVERED_SAMPLES + ") d",
				new MapSqlParameterSource("store", storeId), Long.class);
		return (n != null) ? n : 0;
	}

	/** An import finished: relearn the store from the database. */
	@EventListener
	void on(HistoryImported event) {
		this.models.remove(event.storeId());
		model(event.storeId());
	}

	private static DeliverySample sample(ResultSet rs, ZoneId zone) throws SQLException {
		Timestamp shipped = rs.getTimestamp("shipped_at");
		java.sql.Date promised = rs.getDate("promised_by");
		return new DeliverySample(
				Lane.of(rs.getString("origin_region"), rs.getString("origin_country"),
						rs.getString("destination_region"), rs.getString("destination_country"),
						rs.getString("carrier"), rs.getString("service")),
				date(rs.getTimestamp("placed_at").toInstant(), zone),
				(shipped != null) ? date(shipped.toInstant(), zone) : null,
				date(rs.getTimestamp("delivered_at").toInstant(), zone),
				(promised != null) ? promised.toLocalDate() : null);
	}

	private static LocalDate date(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

}
