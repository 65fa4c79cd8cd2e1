package dev.beacon.carriers.track17;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.Json;
import dev.beacon.carriers.track17.Track17Client.Item;
import dev.beacon.carriers.track17.Track17Client.Track17Exception;
import dev.beacon.carriers.sources.AggregatorSource;
import dev.beacon.carriers.sources.SourceRegistrations;
import dev.beacon.carriers.sources.SourceRegistrations.Registration;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;

/**
 * 17TRACK as the source of every live shipment that no direct adapter with credentials
 * follows (the long tail, and Canada Post or the four original carriers when they have no
 * credentials). Each tick: queue new shipments, register queued numbers (batches of at
 * most 40; an already-registered number counts as registered), stop numbers whose
 * shipments all reached a terminal state, and ask {@code gettrackinfo} for numbers that
 * have been quiet too long. Pushes arrive through {@link Track17Webhook}.
 */
public class Track17Source extends AggregatorSource {

	private static final Logger log = LoggerFactory.getLogger(Track17Source.class);

	static final String TABLE = "17track";

	private static final long ALREADY_REGISTERED = -18019901L;

	private final Track17Properties properties;

	private final Track17Client client;

	private final SourceRegistrations.Stores stores;

	Track17Source(Track17Properties properties, Track17Client client, SourceRegistrations registrations,
			SourceRegistrations.Stores stores, ShipmentManagement shipments, List<CarrierAdapter> adapters,
			Clock clock) {
		super(TABLE, registrations, shipments, adapters, clock);
		this.stores = stores;
		this.properties = properties;
		this.client = client;
	}

	@Override
	protected boolean enabled() {
		return this.properties.enabled();
	}

	@Override
	protected boolean background() {
		return this.properties.background();
	}

	@Override
	protected Duration every() {
		return this.properties.every();
	}

	/** One round of registering, stopping and fetching; answers numbers registered. */
	@Override
	public int tick() {
		if (!enabled()) {
			return 0;
		}
		int registered = registerDue();
		stopDue();
		fetchQuiet();
		return registered;
	}

	int registerDue() {
		Instant now = this.clock.instant();
		return registerDue(this.stores, this.properties.batch(), (batch) -> register(batch, now));
	}

	private int register(List<Registration> batch, Instant now) {
		JsonNode data;
		try {
			data = this.client.register(batch.stream().map(Track17Source::item).toList());
		}
		catch (Track17Exception ex) {
			log.warn("17TRACK register failed for {} numbers: {}", batch.size(), ex.getMessage());
			batch.forEach((r) -> this.registrations.retryLater(r, now, ex.getMessage()));
			return 0;
		}
		Set<String> accepted = new LinkedHashSet<>();
		for (JsonNode a : data.path("accepted")) {
			accepted.add(a.path("number").asString(""));
		}
		for (JsonNode r : data.path("rejected")) {
			if (r.path("error").path("code").asLong() == ALREADY_REGISTERED) {
				accepted.add(r.path("number").asString(""));
			}
		}
		int count = 0;
		for (Registration r : batch) {
			if (accepted.contains(r.number())) {
				registered(r, now);
				count++;
			}
			else {
				this.registrations.state(r, "REJECTED", now, rejection(data, r.number()));
			}
		}
		return count;
	}

	private static String rejection(JsonNode data, String number) {
		for (JsonNode r : data.path("rejected")) {
			if (number.equals(r.path("number").asString(""))) {
				return r.path("error").path("code").asString("") + " " + r.path("error").path("message").asString("");
			}
		}
		return "not accepted";
	}

	void stopDue() {
		Instant now = this.clock.instant();
		List<Registration> due = this.registrations.dueToStop(this.properties.batch(), now);
		if (due.isEmpty()) {
			return;
		}
		try {
			this.client.stop(due.stream().map(Track17Source::item).toList());
			for (Registration r : due) {
				if (this.registrations.isFallback(r)) {
					// the direct carrier's budget refilled: it polls the shipments again
					this.registrations.state(r, "STOPPED", now, "fallback ended");
					this.shipments.followedBy(this.shipments.idsByCarrierAndNumber(r.carrier(), r.number()),
							"direct:" + r.carrier());
				}
				else {
					this.registrations.state(r, "STOPPED", now, "terminal state reached");
				}
			}
		}
		catch (Track17Exception ex) {
			log.warn("17TRACK stoptrack failed: {}", ex.getMessage());
		}
	}

	void fetchQuiet() {
		Instant now = this.clock.instant();
		List<Registration> quiet = this.registrations.claimQuiet(this.properties.batch(), now,
				this.properties.fetchAfter());
		if (quiet.isEmpty()) {
			return;
		}
		try {
			JsonNode data = this.client.trackInfo(quiet.stream().map(Track17Source::item).toList());
			for (JsonNode item : data.path("accepted")) {
				apply(item, TransitionCause.POLL, false);
			}
		}
		catch (Track17Exception ex) {
			log.warn("17TRACK gettrackinfo failed: {}", ex.getMessage());
		}
	}

	/**
	 * A push (already verified) or a {@code gettrackinfo} item: its scans go to every
	 * shipment registered under that number. Answers how many shipments it reached.
	 */
	public int apply(JsonNode item, TransitionCause cause, boolean pushed) {
		String number = Json.text(item, "number");
		if (number == null) {
			return 0;
		}
		number = ShipmentManagement.normalizeTrackingNumber(number);
		List<RawScan> scans = Track17Scans.read(item);
		String status = Track17Scans.latestStatus(item);
		Instant now = this.clock.instant();
		int reached = 0;
		for (String carrier : this.registrations.carriersOf(number)) {
			this.registrations.heard(new Registration(number, carrier), now, status, pushed);
			for (UUID id : this.shipments.idsByCarrierAndNumber(carrier, number)) {
				this.shipments.ingest(id, new CarrierUpdate(scans, null, pushed ? PollOutcome.PUSHED : PollOutcome.OK,
						"17TRACK " + status), cause, TABLE);
				reached++;
			}
		}
		return reached;
	}

	/** A {@code TRACKING_STOPPED} push: 17TRACK no longer follows the number. */
	public void stopped(String number) {
		String n = ShipmentManagement.normalizeTrackingNumber(number);
		Instant now = this.clock.instant();
		for (String carrier : this.registrations.carriersOf(n)) {
			this.registrations.state(new Registration(n, carrier), "STOPPED", now, "stopped by 17TRACK");
		}
	}

	private static Item item(Registration r) {
		return new Item(r.number(), Track17Scans.KEYS.get(r.carrier()), r.carrier() + ":" + r.number());
	}

	Map<String, Object> describe() {
		return Map.of("enabled", enabled(), "direct", new ArrayList<>(direct()));
	}

}
