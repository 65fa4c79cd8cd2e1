package dev.beacon.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.beacon.order.OrderManagement;
import dev.beacon.status.Progress;

/**
 * The corrections {@link ShipmentManagement} makes to registered shipments: removing one
 * added by mistake, pinning or correcting its carrier, recording who follows it. Runs
 * inside {@link ShipmentManagement}'s transactions.
 */
@Component
class ShipmentCorrections {

	private final Shipments shipments;

	private final OrderManagement orders;

	private final CarrierDirectory directory;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	ShipmentCorrections(Shipments shipments, OrderManagement orders, CarrierDirectory directory,
			ApplicationEventPublisher publisher, Clock clock, JdbcTemplate jdbc) {
		this.shipments = shipments;
		this.orders = orders;
		this.directory = directory;
		this.publisher = publisher;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The carrier a new shipment is tracked with, and whether the store chose it. */
	record CarrierChoice(String carrier, boolean pinned) {
	}

	/**
	 * The carrier for a new shipment with this (normalized) number: the registry code the
	 * store gave, {@code other} when it named a carrier outside the registry, else the
	 * first carrier that recognises the number (a 422 when none does).
	 */
	CarrierChoice choose(String number, RegisterShipment command) {
		if (command.carrier() != null && !command.carrier().isBlank()) {
			return new CarrierChoice(knownCarrier(command.carrier()), true);
		}
		if (command.carrierName() != null && !command.carrierName().isBlank()) {
			return new CarrierChoice(CarrierDirectory.OTHER, true);
		}
		return this.directory.detect(number)
			.stream()
			.findFirst()
			.map((c) -> new CarrierChoice(c.carrier(), false))
			.orElseThrow(() -> new ShipmentException(ShipmentException.Kind.UNDETECTED, "carrier",
					"no carrier recognises tracking number " + number
							+ "; give the carrier's code, or its carrierName when it is not in GET /api/v1/carriers"));
	}

	/** The registry code for {@code raw}, or a 422 naming {@code carrier}. */
	String knownCarrier(String raw) {
		String code = raw.strip().toLowerCase(Locale.ROOT);
		if (!this.directory.isKnown(code)) {
			throw new ShipmentException(ShipmentException.Kind.UNDETECTED, "carrier", "carrier '" + code
					+ "' is not in the registry (GET /api/v1/carriers); give carrierName for another carrier");
		}
		return code;
	}

	/** See {@link ShipmentManagement#remove}. */
	void remove(UUID storeId, UUID shipmentId) {
		Shipment shipment = this.shipments.findByStoreIdAndId(storeId, shipmentId)
			.orElseThrow(() -> ShipmentException.notFound(shipmentId));
		shipment.remove(this.clock.instant());
		this.shipments.flush();
		this.publisher.publishEvent(new ShipmentRemoved(storeId, shipment.getOrderId(), shipmentId,
				shipment.getCarrier(), shipment.getTrackingNumber()));
		List<Progress> parcels = this.shipments.findByOrderIdOrderByCreatedAtAscIdAsc(shipment.getOrderId())
			.stream()
			.map((s) -> new Progress(s.status().milestone(), s.status().health()))
			.toList();
		this.orders.deriveStatus(shipment.getOrderId(), parcels, false);
	}

	/**
	 * See {@link ShipmentManagement#correctCarrier}; answers the corrected shipment, due
	 * for a poll now by the database clock ({@code now()}, as every lease and due time of
	 * the poll queue), never the instance's.
	 */
	Shipment correctCarrier(UUID storeId, UUID shipmentId, String carrier) {
		String code = knownCarrier(carrier);
		Shipment s = this.shipments.findByStoreIdAndId(storeId, shipmentId)
			.orElseThrow(() -> ShipmentException.notFound(shipmentId));
		s.correctCarrier(code, this.clock.instant());
		this.shipments.flush();
		Instant due = this.jdbc.queryForObject(
				"update shipments set next_poll_at = now() where id = ? returning next_poll_at", Instant.class,
				s.getId());
		s.dueAt(due);
		return s;
	}

	/** See {@link ShipmentManagement#followedBy}. */
	void followedBy(Collection<UUID> shipmentIds, String source) {
		for (Shipment s : this.shipments.findAllById(shipmentIds)) {
			s.source(source);
		}
	}

}
