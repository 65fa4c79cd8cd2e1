package dev.beacon.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.Text;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderException;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.order.UpdateOrder;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;

/**
 * Applies what a platform reports to Beacon's orders and shipments, only through core's
 * management services: creates the order the first time, updates contact and address
 * later, cancels, and registers every tracking number (any carrier). Store-reported
 * statuses become scans of source {@code store}.
 */
@Service
public class OrderSync {

	private static final Logger log = LoggerFactory.getLogger(OrderSync.class);

	/** What an applied order did. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	private static final java.util.regex.Pattern TRACKING_NUMBER = java.util.regex.Pattern.compile("[A-Z0-9]{6,40}");

	/** {@code shipments.carrier_name}. */
	private static final int CARRIER_NAME_MAX = 120;

	/**
	 * {@code platform_fulfillments.fulfillment_id}: free text on WooCommerce (the
	 * Shipment Tracking item's {@code tracking_id} in the order's meta).
	 */
	private static final int FULFILLMENT_ID_MAX = 64;

	/**
	 * The mapping table of statuses a store reports (carriers module, {@code store.csv}).
	 */
	static final String STORE_SOURCE = "store";

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final PlatformLinks links;

	OrderSync(OrderManagement orders, ShipmentManagement shipments, PlatformLinks links) {
		this.orders = orders;
		this.shipments = shipments;
		this.links = links;
	}

	/** Creates or updates the order and its shipments. */
	@Transactional
	public Outcome apply(UUID storeId, SyncedOrder synced) {
		Optional<Order> existing = find(storeId, synced.platform(), synced.externalId(), synced.orderNumber());
		Outcome outcome;
		Order order;
		if (existing.isEmpty()) {
			order = this.orders.place(storeId,
					new PlaceOrder(synced.orderNumber(), synced.placedAt(), synced.customer(), synced.destination(),
							null, null, synced.items(), false, null, synced.platform()));
			outcome = Outcome.CREATED;
		}
		else {
			order = existing.get();
			Optional<Instant> seen = this.links.orderUpdatedAt(storeId, synced.platform(), synced.externalId());
			boolean stale = seen.isPresent() && synced.updatedAt() != null && synced.updatedAt().isBefore(seen.get());
			outcome = stale ? Outcome.UNCHANGED : update(storeId, order, synced);
		}
		this.links.linkOrder(storeId, synced.platform(), synced.externalId(), order.getId(), synced.updatedAt());
		if (synced.cancelled()) {
			cancel(storeId, order, synced.platform());
		}
		for (SyncedOrder.SyncedShipment s : synced.shipments()) {
			if (shipment(storeId, synced.platform(), order, s) && outcome == Outcome.UNCHANGED) {
				outcome = Outcome.UPDATED;
			}
		}
		return outcome;
	}

	/** The Beacon order behind a platform order id (or, unlinked, its number). */
	public Optional<Order> find(UUID storeId, String platform, String externalId, @Nullable String orderNumber) {
		Optional<UUID> linked = this.links.order(storeId, platform, externalId);
		if (linked.isPresent()) {
			return this.orders.find(storeId, linked.get());
		}
		return (orderNumber != null) ? this.orders.find(storeId, orderNumber) : Optional.empty();
	}

	/** Cancels the Beacon order behind a platform order. */
	@Transactional
	public boolean cancel(UUID storeId, String platform, String externalId, @Nullable String orderNumber) {
		Optional<Order> order = find(storeId, platform, externalId, orderNumber);
		order.ifPresent((o) -> cancel(storeId, o, platform));
		return order.isPresent();
	}

	/**
	 * Adds (or finds) the shipment and applies the platform's status, if any. True when
	 * something changed.
	 */
	@Transactional
	public boolean shipment(UUID storeId, String platform, Order order, SyncedOrder.SyncedShipment s) {
		String number = ShipmentManagement.normalizeTrackingNumber(s.trackingNumber());
		ShipmentView shipment = this.shipments.byTrackingNumber(storeId, number)
			.stream()
			.filter((v) -> v.orderId().equals(order.getId()))
			.findFirst()
			.orElse(null);
		boolean changed = false;
		if (shipment == null) {
			RegisterShipment command = register(number, s);
			String why = untrackable(storeId, command);
			if (why != null) {
				// checked first: a refusal inside the joined transaction would doom the
				// whole delivery
				log.info("Store {}: cannot track {} of order {}: {}", storeId, number, order.getOrderNumber(), why);
				return false;
			}
			shipment = this.shipments.register(storeId, order.getOrderNumber(), command);
			changed = true;
		}
		if (s.fulfillmentId() != null && s.fulfillmentId().length() <= FULFILLMENT_ID_MAX) {
			this.links.linkFulfillment(storeId, platform, s.fulfillmentId(), shipment.id());
		}
		else if (s.fulfillmentId() != null) {
			// an id is never cut (a cut id could name another fulfillment): not linked
			log.info("Store {}: fulfillment id of {} is longer than {} characters; not linked", storeId, number,
					FULFILLMENT_ID_MAX);
		}
		if (s.status() != null) {
			Instant at = (s.statusAt() != null) ? s.statusAt() : order.getCreatedAt();
			RawScan scan = storeScan(s.status(), null, at, ScanLocation.unknown(),
					platform + ":" + s.fulfillmentId() + ":" + s.status());
			changed |= storeStatus(shipment.id(), scan, platform + " fulfillment " + s.fulfillmentId());
		}
		return changed;
	}

	/** A status the store reports for its shipments (a scan of source {@code store}). */
	@Transactional
	public boolean storeStatus(UUID shipmentId, RawScan scan, String detail) {
		return this.shipments
			.ingest(shipmentId, new CarrierUpdate(List.of(scan), null, PollOutcome.PUSHED, detail),
					TransitionCause.PUSH, STORE_SOURCE)
			.newScans() > 0;
	}

	/** A scan in the {@code store} source's vocabulary ({@code SH_<status>}). */
	public static RawScan storeScan(String status, @Nullable String message, Instant at, ScanLocation location,
			String dedupKey) {
		String code = status.strip().toLowerCase(Locale.ROOT);
		String text = (message != null && !message.isBlank()) ? message : "Store: " + code.replace('_', ' ');
		return new RawScan("SH_" + code, Text.cut(text, 500), "{}", at, null, null, location, dedupKey);
	}

	/**
	 * Erases the personal data of the given orders and, when an email is given, of every
	 * order of that shopper in the store, at once. Answers how many orders.
	 */
	@Transactional
	public int erase(UUID storeId, List<UUID> orderIds, @Nullable String email) {
		java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(orderIds);
		if (email != null && !email.isBlank()) {
			this.orders.byCustomerEmail(storeId, email).forEach((o) -> ids.add(o.getId()));
		}
		for (UUID id : ids) {
			this.orders.erasePersonalData(storeId, id);
		}
		return ids.size();
	}

	/** Why core would refuse this shipment, or null when it will take it. */
	private @Nullable String untrackable(UUID storeId, RegisterShipment command) {
		if (!TRACKING_NUMBER.matcher(command.trackingNumber()).matches()) {
			return "not a tracking number";
		}
		if (command.carrier() == null && command.carrierName() == null
				&& this.shipments.detect(command.trackingNumber()).isEmpty()) {
			return "no carrier recognises the number and the platform names none Beacon knows";
		}
		if (!this.shipments.byTrackingNumber(storeId, command.trackingNumber()).isEmpty()) {
			return "already tracked on another order of this store";
		}
		return null;
	}

	private RegisterShipment register(String number, SyncedOrder.SyncedShipment s) {
		String carrier = carrierCode(s.company());
		if (carrier != null && !this.shipments.isKnownCarrier(carrier)) {
			// any carrier: one outside the registry is kept by the name the platform
			// gives
			String name = Text.cut(s.company(), CARRIER_NAME_MAX);
			return new RegisterShipment(number, null, null, s.shippedAt(), name, s.trackingUrl());
		}
		return new RegisterShipment(number, carrier, null, s.shippedAt());
	}

	private Outcome update(UUID storeId, Order order, SyncedOrder synced) {
		Customer c = synced.customer();
		Customer before = order.getCustomer();
		Address destination = synced.destination();
		boolean contactChanged = changed(c.name(), before.name()) || changed(c.email(), before.email())
				|| changed(c.phone(), before.phone()) || changed(c.locale(), before.locale());
		boolean addressChanged = destination != null && !destination.equals(order.getDestination());
		if (!contactChanged && !addressChanged) {
			return Outcome.UNCHANGED;
		}
		this.orders.update(storeId, order.getOrderNumber(),
				new UpdateOrder(contactChanged
						? new UpdateOrder.ContactChange(c.name(), c.email(), c.phone(), c.locale(), null) : null,
						addressChanged ? destination : null, null, false, synced.platform()));
		return Outcome.UPDATED;
	}

	private void cancel(UUID storeId, Order order, String platform) {
		if (!order.isCancelled()) {
			this.orders.cancel(storeId, order.getOrderNumber(), platform);
		}
	}

	private static boolean changed(@Nullable String given, @Nullable String before) {
		return given != null && !given.equals(before);
	}

	/**
	 * Beacon's code for a carrier as a platform names it ("UPS", "FedEx", "usps"...), or
	 * null.
	 */
	static @Nullable String carrierCode(@Nullable String company) {
		if (company == null || company.isBlank()) {
			return null;
		}
		String n = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (n.startsWith("ups")) {
			return "ups";
		}
		if (n.startsWith("fedex")) {
			return "fedex";
		}
		if (n.startsWith("usps") || n.equals("unitedstatespostalservice")) {
			return "usps";
		}
		if (n.startsWith("dhl")) {
			return "dhl";
		}
		return n.isEmpty() ? null : n;
	}

	static boolean isOrderConflict(RuntimeException ex) {
		return ex instanceof OrderException oe && oe.kind() == OrderException.Kind.DUPLICATE;
	}

}
