package dev.beacon.carriers.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.carriers.sandbox.SandboxJourneys.Journey;
import dev.beacon.carriers.sandbox.SandboxJourneys.Place;
import dev.beacon.carriers.sandbox.SandboxJourneys.Step;
import dev.beacon.order.Address;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * The sandbox carrier: plays scripted journeys on a clock that runs
 * {@code beacon.sandbox.time-scale} times faster than real time, measured from the
 * shipment's shipped-at (or registration). Each poll answers every scan whose scaled
 * offset has passed, so the first poll of a backdated shipment catches up at once. Scans
 * are shaped like a real adapter's: raw code and text, a JSON payload, local time and
 * zone, and a location near the order's origin or destination.
 */
@Component
class SandboxAdapter implements CarrierAdapter {

	private static final List<ScanLocation> US_HUBS = List.of(new ScanLocation("Memphis", "TN", "38118", "US"),
			new ScanLocation("Louisville", "KY", "40209", "US"), new ScanLocation("Indianapolis", "IN", "46241", "US"),
			new ScanLocation("Dallas", "TX", "75261", "US"));

	private final SandboxProperties properties;

	private final ShipmentManagement shipments;

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final JsonMapper json;

	private final Clock clock;

	SandboxAdapter(SandboxProperties properties, ShipmentManagement shipments, OrderManagement orders,
			StoreManagement stores, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.shipments = shipments;
		this.orders = orders;
		this.stores = stores;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String code() {
		return "sandbox";
	}

	@Override
	public boolean configured() {
		return true;
	}

	@Override
	public int batchSize() {
		return 100;
	}

	@Override
	public double timeScale() {
		return this.properties.timeScale();
	}

	@Override
	public Map<UUID, CarrierUpdate> track(List<PollTask> tasks) {
		Map<UUID, CarrierUpdate> updates = new LinkedHashMap<>();
		Instant now = this.clock.instant();
		for (PollTask task : tasks) {
			updates.put(task.shipmentId(), track(task, now));
		}
		return updates;
	}

	private CarrierUpdate track(PollTask task, Instant now) {
		Journey journey = SandboxJourneys.of(task.trackingNumber());
		if (journey == null) {
			return CarrierUpdate.failed(PollOutcome.NOT_FOUND,
					"sandbox knows SBX + 10 digits with a first digit 0-6, not " + task.trackingNumber());
		}
		Instant start = (task.shippedAt() != null) ? task.shippedAt() : task.createdAt();
		double scale = this.properties.timeScale();
		Duration carrierElapsed = Duration.ofMillis((long) (Duration.between(start, now).toMillis() * scale));
		Optional<ShipmentView> view = this.shipments.byId(task.shipmentId());
		Optional<Order> order = view.flatMap((v) -> this.orders.find(v.storeId(), v.orderId()));
		ZoneId zone = this.stores.byId(task.storeId()).map(Store::getTimeZone).orElse(ZoneOffset.UTC);
		Address destination = order.map(Order::getDestination).orElse(Address.empty());
		Address origin = order.map(Order::getOrigin).orElse(Address.empty());
		List<RawScan> scans = new ArrayList<>();
		for (int i = 0; i < journey.steps().size(); i++) {
			Step step = journey.steps().get(i);
			if (step.offset().compareTo(carrierElapsed) > 0) {
				break;
			}
			Instant at = start.plusMillis((long) (step.offset().toMillis() / scale));
			ScanLocation location = location(step.place(), origin, destination, task.trackingNumber());
			scans.add(scan(task.trackingNumber(), journey, i, step, at, zone, location));
		}
		Instant planned = start.plusMillis((long) (journey.plannedDelivery().toMillis() / scale));
		LocalDate day = LocalDate.ofInstant(planned, zone);
		DeliveryWindow estimate = (journey.digit() == 1 && carrierElapsed.toHours() >= 40)
				? new DeliveryWindow(day, day.plusDays(1)) : new DeliveryWindow(day, day);
		return CarrierUpdate.of(scans, estimate);
	}

	private RawScan scan(String number, Journey journey, int index, Step step, Instant at, ZoneId zone,
			ScanLocation location) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		ObjectNode payload = this.json.createObjectNode();
		payload.put("trackingNumber", number);
		payload.put("journey", journey.name());
		payload.put("sequence", index);
		payload.put("eventCode", step.code());
		payload.put("description", step.text());
		payload.put("localTimestamp", local.toString());
		payload.put("timeZone", zone.getId());
		payload.put("utcTimestamp", at.toString());
		ObjectNode loc = payload.putObject("location");
		loc.put("city", location.city());
		loc.put("state", location.region());
		loc.put("postalCode", location.postalCode());
		loc.put("countryCode", location.country());
		return new RawScan(step.code(), step.text(), this.json.writeValueAsString(payload), at, local, zone.getId(),
				location, "sbx:" + number + ":" + index);
	}

	private static ScanLocation location(Place place, Address origin, Address destination, String number) {
		return switch (place) {
			case ORIGIN ->
				(origin.city() != null) ? fromAddress(origin) : new ScanLocation("Louisville", "KY", "40209", "US");
			case DESTINATION -> (destination.city() != null) ? fromAddress(destination) : US_HUBS.get(0);
			case HUB -> hub(destination, number);
		};
	}

	private static ScanLocation hub(Address destination, String number) {
		if (destination.country() == null || "US".equals(destination.country())) {
			return US_HUBS.get(Math.floorMod(number.hashCode(), US_HUBS.size()));
		}
		return new ScanLocation(null, null, null, destination.country());
	}

	private static ScanLocation fromAddress(Address a) {
		return new ScanLocation(a.city(), a.region(), a.postalCode(), a.country());
	}

}
