package dev.beacon.promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.beacon.imports.ImportFinished;
import dev.beacon.shipment.ShipmentDelivered;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Learns business-day transit distributions per lane from a store's delivery history
 * ({@code delivery_history}: imported rows and every delivery Beacon tracked, test orders
 * excluded) and promises windows at the store's target reliability. A store's model is
 * loaded on first use and kept current: a delivery is added once its transaction has
 * committed, a finished history import rebuilds the model, and a periodic count check
 * picks up deliveries other instances recorded.
 */
@Service
@EnableConfigurationProperties(PromiseSettings.class)
public class PromiseEngine {

	private static final Logger log = LoggerFactory.getLogger(PromiseEngine.class);

	static final int DEFAULT_TARGET = 90;

	/**
	 * How far back open rows are read: beyond the longest delivery the model tells apart
	 * ({@link TransitModel#MAX_DAYS} business days, under 90 calendar days).
	 */
	private static final Duration OPEN_HORIZON = Duration.ofDays(120);

	private final DeliveryHistory history;

	private final StoreManagement stores;

	private final PromiseSettings settings;

	private final Clock clock;

	private final Map<UUID, TransitModel> models = new ConcurrentHashMap<>();

	/** The day each model's open parcels were counted on. */
	private final Map<UUID, LocalDate> openAsOf = new ConcurrentHashMap<>();

	PromiseEngine(DeliveryHistory history, StoreManagement stores, PromiseSettings settings, Clock clock) {
		this.history = history;
		this.stores = stores;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The promise for an order placed at {@code orderedAt} on {@code lane}. The store's
	 * time zone and target are read from its recent copy
	 * ({@link StoreManagement#recentById}: at most 5 s old when changed on another
	 * instance); every status change of a shipment asks for its window here.
	 */
	public Optional<Promise> promise(UUID storeId, Lane lane, Instant orderedAt) {
		Store store = this.stores.recentById(storeId).orElseThrow();
		LocalDate start = orderedAt.atZone(store.getTimeZone()).toLocalDate();
		TransitModel model = model(storeId);
		return model.promise(lane, start, false, target(store, model), this.settings.windowShare());
	}

	/**
	 * The reliability a store's promises aim at: its {@code targetReliability} when it
	 * set one (anything but the default 90), else the on-time rate its own promises
	 * ({@code promised_by}) achieved in its history, else 90%.
	 */
	public double target(UUID storeId) {
		return target(this.stores.byId(storeId).orElseThrow(), model(storeId));
	}

	static double target(Store store, TransitModel model) {
		return target(store.getTargetReliability(), model);
	}

	static double target(int storeTarget, TransitModel model) {
		if (storeTarget != DEFAULT_TARGET) {
			return storeTarget / 100.0;
		}
		return model.storeOnTime().orElse(DEFAULT_TARGET / 100.0);
	}

	/**
	 * The window for a parcel handed to the carrier at {@code shippedAt} (the store read
	 * as {@link #promise} reads it).
	 */
	public Optional<Promise> fromHandover(UUID storeId, Lane lane, Instant shippedAt) {
		Store store = this.stores.recentById(storeId).orElseThrow();
		LocalDate start = shippedAt.atZone(store.getTimeZone()).toLocalDate();
		TransitModel model = model(storeId);
		return model.promise(lane, start, true, target(store, model), this.settings.windowShare());
	}

	/** Delivered parcels the store's model has learned from. */
	public int samples(UUID storeId) {
		return model(storeId).size();
	}

	/**
	 * The store's delivered history in the order it was delivered (as the model learns
	 * it), in one list: for the backtests and reports; the model itself learns while it
	 * reads.
	 */
	public List<DeliverySample> history(UUID storeId) {
		return this.history.samples(storeId, zone(storeId));
	}

	/**
	 * The store's latest delivered parcels in the order they were delivered: those
	 * delivered on or after {@code since}, at most {@code max} of them (the newest), so a
	 * report's memory and time do not grow with the whole history.
	 */
	public List<DeliverySample> latestHistory(UUID storeId, Instant since, int max) {
		return this.history.latestSamples(storeId, zone(storeId), since, max);
	}

	TransitModel model(UUID storeId) {
		return this.models.computeIfAbsent(storeId, this::load);
	}

	/**
	 * Learns the store's rows as they are read ({@link DeliveryHistory#eachSample}): the
	 * history is never held as a list (1.2M rows did not fit in a 512 MB heap).
	 */
	private TransitModel load(UUID storeId) {
		TransitModel model = newModel(this.settings);
		ZoneId zone = zone(storeId);
		this.history.eachSample(storeId, zone, model::add);
		if (this.settings.trend() && !this.settings.openParcels()) {
			LocalDate today = LocalDate.now(this.clock.withZone(zone));
			this.history.eachOpen(storeId, zone, openSince(today, zone), (p) -> model.pending(p.placed()));
		}
		if (this.settings.openParcels()) {
			LocalDate today = LocalDate.now(this.clock.withZone(zone));
			this.history.eachOpen(storeId, zone, openSince(today, zone), (p) -> model.open(p, today));
			this.openAsOf.put(storeId, today);
		}
		log.debug("Promise model of store {} learned from {} deliveries and {} open parcels", storeId, model.size(),
				model.openParcels());
		return model;
	}

	/**
	 * Undelivered (pending or in-transit) rows of the store the engine counts as open
	 * parcels today ({@code beacon.promise.open-parcels}; 0 when off).
	 */
	long openSamples(UUID storeId) {
		if (!this.settings.openParcels()) {
			return 0;
		}
		ZoneId zone = zone(storeId);
		return this.history.countOpen(storeId, openSince(LocalDate.now(this.clock.withZone(zone)), zone));
	}

	/** Undelivered rows of the store never delivered, as the backtest counts them. */
	List<OpenParcel> undelivered(UUID storeId) {
		return this.history.openRows(storeId, zone(storeId), Instant.EPOCH);
	}

	private static Instant openSince(LocalDate today, ZoneId zone) {
		return today.atStartOfDay(zone).toInstant().minus(OPEN_HORIZON);
	}

	static TransitModel newModel(PromiseSettings settings) {
		return new TransitModel(settings.minSamples(), settings.halfLifeDays(), settings.sharedLateness(),
				settings.trend());
	}

	PromiseSettings settings() {
		return this.settings;
	}

	/**
	 * A delivery committed ({@link DeliveryLearning} wrote its row in the same
	 * transaction): a loaded model learns it at once; a model not loaded yet reads it
	 * with the rest on first use.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void learn(ShipmentDelivered event) {
		if (event.testOrder()) {
			return;
		}
		TransitModel model = this.models.get(event.storeId());
		if (model != null) {
			model.add(DeliveryLearning.sample(event));
		}
	}

	/**
	 * Other instances learn deliveries this one never saw: every
	 * {@code beacon.promise.refresh-interval} (default one minute) each cached model
	 * whose count differs from the number of delivered rows in the database is relearned.
	 * With {@code beacon.promise.open-parcels}, open rows are counted too and a model
	 * whose open parcels were counted on an earlier day is relearned (they have aged).
	 * One indexed count per cached store; no rebuild when nothing changed. Runs as the
	 * {@code promise-refresh} loop ({@link PromiseRefreshLoop}).
	 */
	void refreshFromDatabase() {
		for (Map.Entry<UUID, TransitModel> entry : this.models.entrySet()) {
			long stored = deliveredSamples(entry.getKey()) + openSamples(entry.getKey());
			LocalDate counted = this.openAsOf.get(entry.getKey());
			boolean aged = counted != null && !counted.equals(LocalDate.now(this.clock.withZone(zone(entry.getKey()))));
			if (stored != entry.getValue().offered() || aged) {
				this.models.put(entry.getKey(), load(entry.getKey()));
				log.debug("Promise model of store {} relearned: {} deliveries in the database", entry.getKey(), stored);
			}
		}
	}

	long deliveredSamples(UUID storeId) {
		return this.history.count(storeId);
	}

	/** A history import finished: relearn the store from the database. */
	@EventListener
	void on(ImportFinished event) {
		if (!event.kind().equals(HistoryKind.SHIPMENTS)) {
			return;
		}
		this.models.remove(event.storeId());
		model(event.storeId());
	}

	private ZoneId zone(UUID storeId) {
		return this.stores.byId(storeId).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
	}

}
