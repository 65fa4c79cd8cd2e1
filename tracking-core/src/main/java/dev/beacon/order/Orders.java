package dev.beacon.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Orders extends JpaRepository<Order, UUID> {

	Optional<Order> findByStoreIdAndOrderNumber(UUID storeId, String orderNumber);

	Optional<Order> findByStoreIdAndId(UUID storeId, UUID id);

	@Query("select o from Order o where o.storeId = :storeId and upper(o.orderNumber) = upper(:orderNumber)")
	List<Order> findAllByStoreIdAndOrderNumberIgnoringCase(UUID storeId, String orderNumber, Limit limit);

	boolean existsByStoreIdAndOrderNumber(UUID storeId, String orderNumber);

	@Query("""
			select o from Order o where o.storeId = :storeId
			  and (o.createdAt < :createdAt or (o.createdAt = :createdAt and o.id < :id))
			order by o.createdAt desc, o.id desc""")
	List<Order> pageAfter(UUID storeId, Instant createdAt, UUID id, Limit limit);

	@Query("select o from Order o where o.storeId = :storeId and o.customer.email = :email order by o.createdAt")
	List<Order> findByStoreIdAndCustomerEmail(UUID storeId, String email);

	@Query("""
			select o from Order o where o.personalDataErasedAt is null and o.updatedAt < :before
			  and o.status in (dev.beacon.order.OrderStatus.DELIVERED, dev.beacon.order.OrderStatus.RETURNED,
			                   dev.beacon.order.OrderStatus.EXPIRED, dev.beacon.order.OrderStatus.CANCELLED)
			order by o.updatedAt""")
	List<Order> finishedWithPersonalData(Instant before, Limit limit);

	@Query("select o from Order o where o.storeId = :storeId order by o.createdAt desc, o.id desc")
	List<Order> firstPage(UUID storeId, Limit limit);

}
