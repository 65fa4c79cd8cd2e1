package dev.beacon.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeys extends JpaRepository<ApiKey, UUID> {

	Optional<ApiKey> findByKeyHash(String keyHash);

	List<ApiKey> findByStoreIdOrderByCreatedAt(UUID storeId);

	Optional<ApiKey> findByStoreIdAndId(UUID storeId, UUID id);

}
