package dev.beacon.shipment;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A poller's batch of answers recorded in one transaction, each shipment's next poll time
 * with it. The answers without news are recorded together first ({@link QuietPolls}: one
 * read, one update, their next poll in the same update); the others one by one through
 * {@link ShipmentTracking#ingest}, in the order of their ids so that two batches lock
 * shipments in the same order, the persistence context emptied after each (a query's
 * auto-flush would otherwise dirty-check every entity read before), and their next poll
 * written in one statement at the end; the shipments the schedule expires are expired
 * last. All or nothing: a failure rolls back every shipment of the batch, its record and
 * its schedule alike, so no shipment is ever recorded without its next poll time.
 */
@Component
class PollBatches {

	/**
	 * Whether shipment {@code s} is still polled at all: not removed by its store, and
	 * not of a cancelled order (their next poll time stays as it is: none). The one
	 * condition every write of a decided next poll checks ({@link QuietPolls} too).
	 */
	static final String STILL_POLLED = "s.removed_at is null and not exists (select 1 from orders o "
			+ "where o.id = s.order_id and o.cancelled_at is not null)";

	/** Each shipment's next poll, after its delay (database time; null: never again). */
	private static final String SCHEDULE = """
			update shipments s set next_poll_at = now() + d.delay * interval '1 millisecond'
			from unnest(?::uuid[], ?::bigint[]) as d(id, delay)
			where s.id = d.id and %s""".formatted(STILL_POLLED);

	private final ShipmentTracking tracking;

	private final QuietPolls quiet;

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PollBatches(ShipmentTracking tracking, QuietPolls quiet, EntityManager entityManager, JdbcTemplate jdbc,
			Clock clock) {
		this.tracking = tracking;
		this.quiet = quiet;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	Map<UUID, Ingested> ingestAll(Map<UUID, CarrierUpdate> updates, TransitionCause cause, NextPollSchedule schedule) {
		Set<UUID> expiring = new TreeSet<>();
		NextPollSchedule deciding = (id, result, update) -> {
			NextPollSchedule.Next next = schedule.next(id, result, update);
			if (next != null && next.expire()) {
				expiring.add(id);
				return null;
			}
			return next;
		};
		Map<UUID, Ingested> out = new LinkedHashMap<>(this.quiet.record(updates, this.clock.instant(), deciding));
		Map<UUID, @Nullable Duration> delays = new LinkedHashMap<>();
		for (UUID id : new TreeSet<>(updates.keySet())) {
			if (!out.containsKey(id)) {
				CarrierUpdate update = updates.get(id);
				Ingested result = this.tracking.ingest(id, update, cause, null);
				out.put(id, result);
				this.entityManager.flush();
				this.entityManager.clear();
				NextPollSchedule.Next next = deciding.next(id, result, update);
				if (next != null) {
					delays.put(id, next.delay());
				}
			}
		}
		schedule(delays);
		expiring.forEach(this.tracking::expire);
		return out;
	}

	/**
	 * Each shipment asked again after its delay (database time; null: never again), in
	 * one statement. A shipment removed by its store, or of a cancelled order, keeps its
	 * time.
	 */
	private void schedule(Map<UUID, @Nullable Duration> delays) {
		if (delays.isEmpty()) {
			return;
		}
		UUID[] ids = delays.keySet().toArray(UUID[]::new);
		Long[] millis = delays.values()
			.stream()
			.map((d) -> (d != null) ? Math.max(0, d.toMillis()) : null)
			.toArray(Long[]::new);
		this.jdbc.update((c) -> {
			PreparedStatement ps = c.prepareStatement(SCHEDULE);
			ps.setArray(1, c.createArrayOf("uuid", ids));
			ps.setArray(2, c.createArrayOf("bigint", millis));
			return ps;
		});
	}

}
