package dev.beacon.shipment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentTransitions extends JpaRepository<ShipmentTransition, Long> {

	List<ShipmentTransition> findByShipmentIdOrderByIdAsc(UUID shipmentId);

}
