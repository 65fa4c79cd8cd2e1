package dev.beacon.shipment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrackingEvents extends JpaRepository<TrackingEvent, Long> {

	@Query("select e from TrackingEvent e where e.shipmentId = :shipmentId order by e.occurredAt, e.id")
	List<TrackingEvent> chronological(UUID shipmentId);

	@Query("""
			select distinct e.shipmentId from TrackingEvent e where e.carrier = :carrier and e.rulesVersion <> :version""")
	List<UUID> staleShipments(String carrier, String version, Limit limit);

}
