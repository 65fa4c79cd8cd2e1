package dev.beacon.shipment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Builds {@link ShipmentView}s for {@link ShipmentManagement}'s reads: shipments with
 * their scans, newest first, in two statements whatever the counts. Runs inside
 * {@link ShipmentManagement}'s transactions.
 */
@Component
class ShipmentViews {

	private final Shipments shipments;

	private final ScanStore scans;

	private final CarrierDirectory directory;

	ShipmentViews(Shipments shipments, ScanStore scans, CarrierDirectory directory) {
		this.shipments = shipments;
		this.scans = scans;
		this.directory = directory;
	}

	/** Shipments of many orders at once, keyed by order id. */
	Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		Map<UUID, List<ShipmentView>> byOrder = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return byOrder;
		}
		for (ShipmentView v : of(this.shipments.findByOrderIdInOrderByCreatedAt(orderIds))) {
			byOrder.computeIfAbsent(v.orderId(), (k) -> new ArrayList<>()).add(v);
		}
		return byOrder;
	}

	ShipmentView of(Shipment s) {
		return of(List.of(s)).get(0);
	}

	List<ShipmentView> of(List<Shipment> list) {
		return views(list, true);
	}

	/**
	 * Like {@link #of(List)}, but the scans are read as a plain projection without their
	 * raw payload (null in the views): one statement, no entities to hydrate, nothing for
	 * Hibernate to translate or track. For the shopper's page and the status API, which
	 * never show the payload; the console keeps {@link #of(List)}.
	 */
	List<ShipmentView> withoutPayloads(List<Shipment> list) {
		return views(list, false);
	}

	private List<ShipmentView> views(List<Shipment> list, boolean withPayload) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<ScanView>> scans = new LinkedHashMap<>();
		for (ScanStore.ShipmentScan e : this.scans.newestFirst(list.stream().map(Shipment::getId).toList(),
				withPayload)) {
			scans.computeIfAbsent(e.shipmentId(), (k) -> new ArrayList<>()).add(e.scan());
		}
		return list.stream()
			.map((s) -> ShipmentView.of(s, scans.getOrDefault(s.getId(), List.of()), this.directory))
			.toList();
	}

}
