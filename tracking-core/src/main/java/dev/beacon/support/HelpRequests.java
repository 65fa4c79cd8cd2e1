package dev.beacon.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HelpRequests extends JpaRepository<HelpRequest, UUID> {

	List<HelpRequest> findByStoreIdAndOrderIdOrderByCreatedAtDesc(UUID storeId, UUID orderId);

	Optional<HelpRequest> findByStoreIdAndId(UUID storeId, UUID id);

	@Query("select h from HelpRequest h where h.storeId in :storeIds and h.resolvedAt is null order by h.createdAt")
	List<HelpRequest> open(List<UUID> storeIds, Limit limit);

	long countByStoreIdAndOrderIdAndResolvedAtIsNull(UUID storeId, UUID orderId);

	long countByStoreIdAndOrderIdAndCreatedAtAfter(UUID storeId, UUID orderId, Instant after);

	long countByStoreIdAndCreatedAtBetween(UUID storeId, Instant from, Instant to);

}
