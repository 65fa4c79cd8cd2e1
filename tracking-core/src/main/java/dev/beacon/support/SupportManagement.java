package dev.beacon.support;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Help requests: raise, list, resolve. Every call is scoped by store. */
@Service
public class SupportManagement {

	private final HelpRequests requests;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupportManagement(HelpRequests requests, ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a help request. {@code source} says where it came from ("page", "console").
	 * The message is trimmed and limited to 2000 characters.
	 */
	@Transactional
	public HelpRequest raise(UUID storeId, UUID orderId, @Nullable UUID shipmentId, HelpTopic topic, String message,
			@Nullable String contactEmail, String source) {
		String text = message.strip();
		if (text.length() > 2000) {
			text = text.substring(0, 2000);
		}
		HelpRequest request = this.requests.save(
				new HelpRequest(storeId, orderId, shipmentId, topic, text, contactEmail, source, this.clock.instant()));
		this.events.publishEvent(new HelpRequested(storeId, orderId, request.getId(), topic,
				(contactEmail != null) ? contactEmail : ""));
		return request;
	}

	@Transactional(readOnly = true)
	public List<HelpRequest> forOrder(UUID storeId, UUID orderId) {
		return this.requests.findByStoreIdAndOrderIdOrderByCreatedAtDesc(storeId, orderId);
	}

	@Transactional(readOnly = true)
	public List<HelpRequest> open(List<UUID> storeIds, int limit) {
		return storeIds.isEmpty() ? List.of() : this.requests.open(storeIds, Limit.of(limit));
	}

	@Transactional
	public void resolve(UUID storeId, UUID helpRequestId, String resolution) {
		this.requests.findByStoreIdAndId(storeId, helpRequestId).ifPresent((r) -> {
			if (r.isOpen()) {
				r.resolve(resolution, this.clock.instant());
				this.events.publishEvent(new HelpRequestResolved(storeId, r.getOrderId(), r.getId()));
			}
		});
	}

}
