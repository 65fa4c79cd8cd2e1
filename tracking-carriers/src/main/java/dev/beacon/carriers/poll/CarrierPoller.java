package dev.beacon.carriers.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.beacon.carriers.accounts.CarrierAccounts;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.carriers.poll.PollConversations.Answered;
import dev.beacon.carriers.poll.PollConversations.Conversation;
import dev.beacon.shipment.CarrierPolling;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.NextPollSchedule;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;

/**
 * Polls carriers for due shipments. Each tick claims due shipments in batches through
 * {@link PollQueue#claimDue} ({@code FOR UPDATE SKIP LOCKED} with a lease), so any number
 * of instances share the work and none polls a shipment another holds. Every answer goes
 * to {@link ShipmentManagement#ingest} (raw scans stored before they are normalized;
 * failures recorded as the shipment's last poll outcome), whose answer decides the next
 * poll ({@link PollSchedule}) or the shipment's expiry. Its ticks run as a loop of core's
 * {@code BackgroundLoops} (see {@code PollConfiguration}): a thread of its own, any
 * {@link Throwable} survived, its last successful tick reported.
 */
public class CarrierPoller implements CarrierPolling, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CarrierPoller.class);

	private final ShipmentManagement shipments;

	private final Map<String, CarrierAdapter> adapters;

	private final CarrierMetrics metrics;

	private final PollProperties properties;

	private final PollSchedule schedule;

	private final Clock clock;

	private final PollQueue queue;

	private final String name;

	private final @Nullable CarrierAccounts accounts;

	private final PollFallback fallback;

	private final PollConversations conversations;

	/**
	 * A RATE_LIMITED answer asking to wait at least this long is a spent budget (not a
	 * per-second window): the shipment may be followed by the aggregator meanwhile.
	 */
	static final Duration FALLBACK_AFTER = Duration.ofMinutes(1);

	CarrierPoller(String name, ShipmentManagement shipments, List<CarrierAdapter> adapters, CarrierMetrics metrics,
			PollProperties properties, Clock clock, PollQueue queue) {
		this(name, shipments, adapters, metrics, properties, clock, queue, null, PollFallback.NONE);
	}

	CarrierPoller(String name, ShipmentManagement shipments, List<CarrierAdapter> adapters, CarrierMetrics metrics,
			PollProperties properties, Clock clock, PollQueue queue, @Nullable CarrierAccounts accounts,
			PollFallback fallback) {
		this.accounts = accounts;
		this.fallback = fallback;
		this.name = name;
		this.shipments = shipments;
		this.adapters = adapters.stream().collect(Collectors.toMap(CarrierAdapter::code, Function.identity()));
		this.metrics = metrics;
		this.properties = properties;
		this.schedule = new PollSchedule(properties);
		this.clock = clock;
		this.queue = queue;
		this.conversations = new PollConversations(name, properties.concurrency(), properties.lanes());
	}

	/**
	 * Claims and polls due shipments until none is left, in each lane; answers how many
	 * it polled.
	 */
	public int drain() {
		return this.conversations.inLanes(() -> {
			int total = 0;
			int polled;
			do {
				polled = pollOnce();
				total += polled;
			}
			while (polled >= this.properties.batch());
			return total;
		});
	}

	/** One claim of at most a batch of due shipments, polled per carrier. */
	public int pollOnce() {
		Map<Boolean, List<String>> codes = this.adapters.values()
			.stream()
			.collect(Collectors.partitioningBy(CarrierAdapter::configured,
					Collectors.mapping(CarrierAdapter::code, Collectors.toList())));
		List<PollTask> tasks = new ArrayList<>(
				this.queue.claimDue(codes.get(true), this.properties.batch(), this.properties.lease()));
		tasks.addAll(this.queue.claimDue(codes.get(false), this.properties.batch(), this.properties.lease()));
		Map<String, List<PollTask>> byCarrier = new LinkedHashMap<>();
		for (PollTask t : tasks) {
			byCarrier.computeIfAbsent(t.carrier(), (c) -> new ArrayList<>()).add(t);
		}
		List<Conversation> asks = new ArrayList<>();
		byCarrier.forEach((carrier, all) -> route(carrier, all).forEach((adapter, list) -> {
			// no request (so no request size) for a carrier without adapter or
			// credentials
			int size = (adapter != null && adapter.configured()) ? Math.max(1, adapter.batchSize()) : list.size();
			for (int i = 0; i < list.size(); i += size) {
				asks.add(new Conversation(adapter, carrier, list.subList(i, Math.min(list.size(), i + size))));
			}
		}));
		record(this.conversations.hold(asks));
		return tasks.size();
	}

	/**
	 * Which adapter asks about each shipment: the store's own account with the carrier
	 * when it saved one, else the install-wide adapter (null: none installed).
	 */
	private Map<@Nullable CarrierAdapter, List<PollTask>> route(String carrier, List<PollTask> tasks) {
		CarrierAdapter installWide = this.adapters.get(carrier);
		Map<UUID, ? extends CarrierAdapter> own = (this.accounts != null && installWide != null)
				? this.accounts.adaptersFor(carrier, tasks.stream().map(PollTask::storeId).distinct().toList())
				: Map.of();
		Map<@Nullable CarrierAdapter, List<PollTask>> out = new LinkedHashMap<>();
		for (PollTask t : tasks) {
			CarrierAdapter adapter = own.containsKey(t.storeId()) ? own.get(t.storeId()) : installWide;
			out.computeIfAbsent(adapter, (a) -> new ArrayList<>()).add(t);
		}
		return out;
	}

	@Override
	public void pollNow(UUID shipmentId) {
		ShipmentView v = this.shipments.byId(shipmentId).orElse(null);
		if (v == null) {
			return;
		}
		route(v.carrier(), List.of(PollTask.of(v))).forEach((adapter,
				list) -> record(List.of(PollConversations.hold(new Conversation(adapter, v.carrier(), list)))));
	}

	/**
	 * Records the answers of a claim's conversations, each shipment's next poll (or its
	 * expiry) committed with its record: an instance killed between the two would leave
	 * the shipment due again at the end of its lease, polled twice in one interval.
	 */
	private void record(List<Answered> answered) {
		Map<UUID, CarrierUpdate> answers = new LinkedHashMap<>();
		Map<UUID, Conversation> asked = new HashMap<>();
		for (Answered a : answered) {
			for (PollTask task : a.conversation().tasks()) {
				CarrierUpdate update = a.updates()
					.getOrDefault(task.shipmentId(), CarrierUpdate.failed(PollOutcome.MALFORMED,
							"the carrier's answer did not mention this number"));
				if (update.outcome() == PollOutcome.RATE_LIMITED && update.retryAfter() != null
						&& update.retryAfter().compareTo(FALLBACK_AFTER) >= 0) {
					fallBack(task, update.retryAfter());
				}
				answers.put(task.shipmentId(), update);
				asked.put(task.shipmentId(), a.conversation());
			}
		}
		NextPollSchedule next = this.schedule.next(this.clock.instant(), (id) -> asked.get(id).timeScale());
		PollRecords.ingestAll(this.shipments, answers, next)
			.forEach((id, result) -> this.metrics.scansIngested(asked.get(id).carrier(), result.newScans()));
	}

	private void fallBack(PollTask task, Duration wait) {
		try {
			if (this.fallback.budgetSpent(task, wait)) {
				log.debug("{} {} followed through the aggregator for {}", task.carrier(), task.trackingNumber(), wait);
			}
		}
		catch (RuntimeException ex) {
			log.warn("could not hand shipment {} to the aggregator", task.shipmentId(), ex);
		}
	}

	/**
	 * One tick of the poller's loop ({@code carrier-poller} on core's BackgroundLoops):
	 * polls whatever is due and records the queue lag. Anything it throws, errors
	 * included, fails only this tick; the loop records it and ticks again.
	 */
	void tick() {
		drain();
		recordQueueLag();
	}

	/**
	 * Logs, once at registration, the carriers that are not polled for want of
	 * credentials.
	 */
	void logUnconfigured() {
		this.adapters.values()
			.stream()
			.filter((a) -> !a.configured())
			.forEach((a) -> log.info("Carrier {} has no credentials configured: it is not polled", a.code()));
		log.info("Carrier poller {} registered (tick {}, batch {})", this.name, this.properties.tick(),
				this.properties.batch());
	}

	/** Stops the conversation workers (the context closes). */
	@Override
	public void close() {
		this.conversations.close();
	}

	private void recordQueueLag() {
		Map<String, Long> lag = this.queue.lagSeconds();
		for (String carrier : this.adapters.keySet()) {
			this.metrics.queueLag(carrier, lag.getOrDefault(carrier, 0L));
		}
	}

}
