package dev.beacon.store;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Stores extends JpaRepository<Store, UUID> {

	Optional<Store> findBySlug(String slug);

	boolean existsBySlug(String slug);

}
