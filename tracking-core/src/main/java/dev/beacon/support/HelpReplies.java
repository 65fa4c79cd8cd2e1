package dev.beacon.support;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface HelpReplies extends JpaRepository<HelpReply, UUID> {

	List<HelpReply> findByStoreIdAndHelpRequestIdOrderByCreatedAt(UUID storeId, UUID helpRequestId);

	List<HelpReply> findByStoreIdAndHelpRequestIdInOrderByCreatedAt(UUID storeId, List<UUID> helpRequestIds);

}
