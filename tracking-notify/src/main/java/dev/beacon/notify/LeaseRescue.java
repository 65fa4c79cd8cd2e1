package dev.beacon.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.beacon.notify.ChannelSender.Reconciliation;

/**
 * Decides messages whose lease ran out (their dispatcher died, hung or lost the database)
 * without holding a lock while a provider is asked:
 * <ol>
 * <li><b>take over</b> expired rows in one statement ({@code SKIP LOCKED}, autocommit),
 * under a fresh lease of the rescuer's;</li>
 * <li><b>ask</b>, outside any transaction, the channel of each row whose provider was
 * called whether the provider has it ({@link ChannelSender#reconcile}: Twilio's message
 * list; SMTP cannot tell);</li>
 * <li><b>record</b> the answer fenced by the rescuer's token: never called, or certainly
 * not taken → PENDING, sent again; found (and not recorded for another row) → SENT;
 * ambiguous → UNCERTAIN, for a person, never sent twice; the provider could not be asked
 * → given back as it was, asked again next round.</li>
 * </ol>
 * A rescuer that dies in between leaves its own lease to run out; the next one asks
 * again. Whether a lease ran out, and the rescuer's own lease, are the database's clock
 * ({@link MessageClaims}), never this instance's.
 */
final class LeaseRescue {

	private static final Logger log = LoggerFactory.getLogger(LeaseRescue.class);

	/** Rows taken over at most per run. */
	static final int BATCH = 50;

	private final MessageClaims claims;

	private final Map<Channel, ChannelSender> senders;

	private final NotifyMetrics metrics;

	private final Duration lease;

	private final Duration interval;

	private final String node;

	/** When ({@link System#nanoTime}) {@link #runWhenDue} next runs. */
	private final AtomicLong due = new AtomicLong(System.nanoTime());

	LeaseRescue(MessageClaims claims, Map<Channel, ChannelSender> senders, NotifyMetrics metrics, Duration lease,
			Duration interval, String node) {
		this.claims = claims;
		this.senders = senders;
		this.metrics = metrics;
		this.lease = lease;
		this.interval = interval;
		this.node = node;
	}

	/**
	 * {@link #run} when it is due on this instance: at most once an {@code interval} (the
	 * dispatcher's; the loop pauses that long between drains, so nearly every drain
	 * starts with it), and again at once after a run that took over a full batch (more
	 * may have run out); one caller at a time runs it. Not before every batch of a drain
	 * that comes back full: a lease that ran out is rescued within an interval and a
	 * batch of running out (within a batch when the rescue ran before each one).
	 */
	void runWhenDue() {
		long now = System.nanoTime();
		long at = this.due.get();
		if (now - at >= 0 && this.due.compareAndSet(at, now + this.interval.toNanos()) && run() >= BATCH) {
			this.due.set(now);
		}
	}

	/**
	 * Takes over and decides the expired rows of one run; answers how many it took over.
	 */
	int run() {
		List<MessageClaims.Expired> expired = this.claims.takeOverExpired(this.lease, this.node, BATCH);
		for (MessageClaims.Expired e : expired) {
			try {
				decide(e);
			}
			catch (RuntimeException ex) {
				// the rescuer's lease runs out and the next round decides
				log.error("Rescuing message {} broke off: {}", e.message().id(), ex.getMessage());
			}
		}
		return expired.size();
	}

	private void decide(MessageClaims.Expired e) {
		OutboxMessage m = e.message();
		ChannelSender sender = this.senders.get(m.channel());
		if (m.providerCalledAt() == null || sender == null) {
			this.claims.rescueAsPending(m, "rescued: the dispatcher stopped before sending");
			return;
		}
		Reconciliation r = sender.reconcile(m); // no transaction, no lock
		if (r.outcome() == Reconciliation.Outcome.FOUND && r.providerId() != null
				&& this.claims.providerIdTaken(r.providerId(), m.id())) {
			r = Reconciliation.unknown("the provider's message is recorded for another row");
		}
		switch (r.outcome()) {
			case FOUND -> {
				if (this.claims.rescueAsSent(m, r.providerId())) {
					this.metrics.outcome("sent", m);
				}
			}
			case NOT_SENT -> this.claims.rescueAsPending(m, "rescued: the provider never got it; sending again");
			case UNKNOWN -> {
				Ending uncertain = Ending.uncertain(r.detail());
				if (this.claims.rescueAsEnded(m, uncertain)) {
					this.metrics.outcome(uncertain.outcome(), m);
				}
			}
			case UNAVAILABLE -> this.claims.handBack(e);
		}
	}

}
