package dev.beacon.carriers.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;

/**
 * The carrier conversations of one claim, up to {@code concurrency} of them at once. A
 * carrier answers in tens to hundreds of milliseconds and most answer one number per
 * request, so one at a time a poller could not ask more than a few shipments a second;
 * the quotas, circuit breakers and token caches they share are safe for concurrent use.
 * With a concurrency of 1 every conversation runs on the caller's thread. Recording is a
 * chain of short statements, so one claim at a time a poller waits for PostgreSQL most of
 * the time: {@code lanes} run several claims at once, as that many instances would (the
 * claims' leases keep them apart).
 */
class PollConversations implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PollConversations.class);

	/** One request's worth of shipments for one adapter (null: none installed). */
	record Conversation(@Nullable CarrierAdapter adapter, String carrier, List<PollTask> tasks) {

		double timeScale() {
			return (this.adapter != null) ? this.adapter.timeScale() : 1.0;
		}

	}

	/** What a conversation answered, per shipment id. */
	record Answered(Conversation conversation, Map<UUID, CarrierUpdate> updates) {
	}

	private final @Nullable ExecutorService workers;

	private final @Nullable ExecutorService lanes;

	private final int laneCount;

	PollConversations(String name, int concurrency, int lanes) {
		this.workers = (concurrency > 1) ? pool("carrier-poll-" + name + "-", concurrency) : null;
		this.lanes = (lanes > 1) ? pool("carrier-lane-" + name + "-", lanes) : null;
		this.laneCount = lanes;
	}

	private static ExecutorService pool(String prefix, int size) {
		AtomicInteger n = new AtomicInteger();
		return Executors.newFixedThreadPool(size, (r) -> {
			Thread t = new Thread(r, prefix + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * Runs {@code lane} (claim, ask, record, until the queue is empty) on each of the
	 * {@code lanes} lanes at once, as that many pollers would; answers the sum of what
	 * they polled. A lane that fails fails the whole (after the others ended).
	 */
	int inLanes(IntSupplier lane) {
		ExecutorService pool = this.lanes;
		if (pool == null) {
			return lane.getAsInt();
		}
		List<Future<Integer>> running = new ArrayList<>();
		for (int i = 0; i < this.laneCount; i++) {
			running.add(pool.submit(lane::getAsInt));
		}
		int total = 0;
		RuntimeException failure = null;
		for (Future<Integer> f : running) {
			try {
				total += f.get();
			}
			catch (ExecutionException ex) {
				failure = (ex.getCause() instanceof RuntimeException r) ? r : new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach((r) -> r.cancel(true));
				throw new IllegalStateException("interrupted while polling (the claims' leases bring them back)", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return total;
	}

	/**
	 * Holds every conversation, at most {@code concurrency} at once; answers in order.
	 */
	List<Answered> hold(List<Conversation> conversations) {
		ExecutorService pool = this.workers;
		if (pool == null || conversations.size() < 2) {
			return conversations.stream().map(PollConversations::hold).toList();
		}
		List<Future<Answered>> running = conversations.stream().map((c) -> pool.submit(() -> hold(c))).toList();
		List<Answered> out = new ArrayList<>(conversations.size());
		for (int i = 0; i < running.size(); i++) {
			Conversation c = conversations.get(i);
			try {
				out.add(running.get(i).get());
			}
			catch (ExecutionException ex) {
				log.warn("{} conversation failed unexpectedly", c.carrier(), ex.getCause());
				out.add(failed(c, PollOutcome.SERVER_ERROR, "adapter error: " + ex.getCause()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach((f) -> f.cancel(true));
				throw new IllegalStateException(
						"interrupted while polling carriers (the claims' leases bring them back)", ex);
			}
		}
		return out;
	}

	/**
	 * One conversation: the adapter's answers, or NOT_CONFIGURED for a carrier without
	 * adapter or credentials (no request at all).
	 */
	static Answered hold(Conversation c) {
		CarrierAdapter adapter = c.adapter();
		if (adapter == null || !adapter.configured()) {
			return failed(c, PollOutcome.NOT_CONFIGURED, (adapter == null) ? "no adapter for carrier " + c.carrier()
					: c.carrier() + " has no credentials configured; it is not polled");
		}
		try {
			return new Answered(c, adapter.track(c.tasks()));
		}
		catch (RuntimeException ex) {
			log.warn("{} adapter failed unexpectedly", c.carrier(), ex);
			return failed(c, PollOutcome.SERVER_ERROR, "adapter error: " + ex);
		}
	}

	private static Answered failed(Conversation c, PollOutcome outcome, String detail) {
		return new Answered(c,
				c.tasks()
					.stream()
					.collect(Collectors.toMap(PollTask::shipmentId, (t) -> CarrierUpdate.failed(outcome, detail))));
	}

	@Override
	public void close() {
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
		if (this.lanes != null) {
			this.lanes.shutdownNow();
		}
	}

}
