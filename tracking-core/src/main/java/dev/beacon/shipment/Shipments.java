package dev.beacon.shipment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Shipments extends JpaRepository<Shipment, UUID> {

	Optional<Shipment> findByStoreIdAndId(UUID storeId, UUID id);

	List<Shipment> findByOrderIdOrderByCreatedAtAscIdAsc(UUID orderId);

	List<Shipment> findByOrderIdInOrderByCreatedAt(Collection<UUID> orderIds);

	List<Shipment> findByStoreIdAndTrackingNumber(UUID storeId, String trackingNumber);

	List<Shipment> findByTrackingNumberAndCarrier(String trackingNumber, String carrier);

	boolean existsByStoreIdAndCarrierAndTrackingNumber(UUID storeId, String carrier, String trackingNumber);

	/** A shipment's id and carrier, read without the entity. */
	interface Ref {

		UUID getId();

		String getCarrier();

	}

	@Query("select s.id as id, s.carrier as carrier from Shipment s where s.storeId = :storeId"
			+ " and s.trackingNumber = :trackingNumber order by s.createdAt")
	List<Ref> refsByStoreIdAndTrackingNumber(UUID storeId, String trackingNumber);

	@Query("select distinct e.shipmentId from TrackingEvent e where e.carrier = :carrier")
	List<UUID> withScansOf(String carrier);

}
