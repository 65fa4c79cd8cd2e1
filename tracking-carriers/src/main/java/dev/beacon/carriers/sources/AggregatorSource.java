package dev.beacon.carriers.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.common.BackgroundLoops;
import dev.beacon.carriers.sources.SourceRegistrations.Registration;
import dev.beacon.shipment.ShipmentManagement;

/**
 * What every aggregator source (17TRACK, EasyPost) does alike: decide which carriers a
 * direct adapter follows, queue the other live shipments once per number, claim them in
 * batches to register, mark a registered number and its shipments as followed by the
 * source, and run its round as a loop of core's {@link BackgroundLoops} (own thread,
 * Throwable guard, last-success health).
 */
public abstract class AggregatorSource {

	/** Shipments created this long ago or less are queued. */
	static final Duration WINDOW = Duration.ofDays(30);

	private static final Duration LEASE = Duration.ofMinutes(2);

	protected final String source;

	protected final SourceRegistrations registrations;

	protected final ShipmentManagement shipments;

	protected final Clock clock;

	private final List<CarrierAdapter> adapters;

	protected AggregatorSource(String source, SourceRegistrations registrations, ShipmentManagement shipments,
			List<CarrierAdapter> adapters, Clock clock) {
		this.source = source;
		this.registrations = registrations;
		this.shipments = shipments;
		this.adapters = adapters;
		this.clock = clock;
	}

	/** Whether the source is configured (its API key). */
	protected abstract boolean enabled();

	/** Whether this instance runs the round in the background. */
	protected abstract boolean background();

	/** How often the round runs. */
	protected abstract Duration every();

	/** One round; answers how many numbers it registered. */
	public abstract int tick();

	/**
	 * Carriers a direct adapter with install-wide credentials follows, and the sandbox
	 * (stores' own accounts are left out by {@link SourceRegistrations#enqueue}).
	 */
	protected Set<String> direct() {
		Set<String> out = new LinkedHashSet<>();
		out.add("sandbox");
		for (CarrierAdapter a : this.adapters) {
			if (a.configured()) {
				out.add(a.code());
			}
		}
		return out;
	}

	/**
	 * Queues the live shipments of {@code stores} no direct adapter follows, then claims
	 * pending numbers in batches of {@code batch} and hands each batch to
	 * {@code register} (which answers how many it registered); answers the total.
	 */
	protected final int registerDue(SourceRegistrations.Stores stores, int batch,
			ToIntFunction<List<Registration>> register) {
		Instant now = this.clock.instant();
		this.registrations.enqueue(direct(), stores, now, WINDOW);
		int total = 0;
		List<Registration> claimed;
		do {
			claimed = this.registrations.claimPending(batch, now, LEASE);
			if (!claimed.isEmpty()) {
				total += register.applyAsInt(claimed);
			}
		}
		while (claimed.size() >= batch);
		return total;
	}

	/** The source accepted a number: its shipments are followed by the source. */
	protected final void registered(Registration r, Instant now) {
		this.registrations.state(r, "REGISTERED", now, null);
		this.shipments.followedBy(this.shipments.idsByCarrierAndNumber(r.carrier(), r.number()), this.source);
	}

	/**
	 * Registers the source's round on the background loops (named after the source) when
	 * it is configured and runs in the background.
	 */
	public final void registerOn(BackgroundLoops loops) {
		if (enabled() && background()) {
			loops.register(this.source, every(), this::tick);
		}
	}

}
