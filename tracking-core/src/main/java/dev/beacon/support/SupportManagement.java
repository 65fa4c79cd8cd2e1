package dev.beacon.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help requests: raise, list, resolve. Every call is scoped by store. Raising is capped
 * per order ({@link SupportLimits}); resolutions are validated to their column's length.
 */
@Service
@EnableConfigurationProperties(SupportLimits.class)
public class SupportManagement {

	private static final int MAX_REPLY = 4000;

	private final HelpRequests requests;

	private final HelpReplies replies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SupportLimits limits;

	private final JdbcTemplate jdbc;

	SupportManagement(HelpRequests requests, HelpReplies replies, ApplicationEventPublisher events, Clock clock,
			SupportLimits limits, JdbcTemplate jdbc) {
		this.requests = requests;
		this.replies = replies;
		this.events = events;
		this.clock = clock;
		this.limits = limits;
		this.jdbc = jdbc;
	}

	/**
	 * Records a help request. {@code source} says where it came from ("page", "console").
	 * The message is trimmed and limited to 2000 characters.
	 * @throws HelpRequestLimitReached when the order already has
	 * {@link SupportLimits#openPerOrder()} open requests, or
	 * {@link SupportLimits#perOrderPerDay()} raised in the last 24 hours
	 */
	@Transactional
	public HelpRequest raise(UUID storeId, UUID orderId, @Nullable UUID shipmentId, HelpTopic topic, String message,
			@Nullable String contactEmail, String source) {
		// Serialises raises of one order (released at commit), so concurrent posts cannot
		// all pass the count below.
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", "help:" + orderId);
		Instant now = this.clock.instant();
		if (this.requests.countByStoreIdAndOrderIdAndResolvedAtIsNull(storeId, orderId) >= this.limits.openPerOrder()) {
			throw new HelpRequestLimitReached("Order has " + this.limits.openPerOrder() + " open help requests");
		}
		if (this.requests.countByStoreIdAndOrderIdAndCreatedAtAfter(storeId, orderId,
				now.minus(Duration.ofDays(1))) >= this.limits.perOrderPerDay()) {
			throw new HelpRequestLimitReached(
					"Order has had " + this.limits.perOrderPerDay() + " help requests in 24 hours");
		}
		String text = message.strip();
		if (text.length() > 2000) {
			text = text.substring(0, 2000);
		}
		HelpRequest request = this.requests
			.save(new HelpRequest(storeId, orderId, shipmentId, topic, text, contactEmail, source, now));
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

	/**
	 * An agent's reply to a help request of this store: recorded, then emailed to the
	 * shopper (notify reacts to {@link HelpRequestReplied}).
	 * @throws IllegalArgumentException when the request is not this store's or the text
	 * is blank or longer than 4000 characters
	 */
	@Transactional
	public HelpReply reply(UUID storeId, UUID helpRequestId, String author, String text) {
		HelpRequest request = this.requests.findByStoreIdAndId(storeId, helpRequestId)
			.orElseThrow(() -> new IllegalArgumentException("no such help request in this store"));
		String clean = text.strip();
		if (clean.isEmpty() || clean.length() > MAX_REPLY) {
			throw new IllegalArgumentException("a reply is 1 to " + MAX_REPLY + " characters");
		}
		String who = author.strip();
		HelpReply reply = this.replies.save(new HelpReply(storeId, helpRequestId,
				who.length() > 100 ? who.substring(0, 100) : who, clean, this.clock.instant()));
		this.events.publishEvent(new HelpRequestReplied(storeId, request.getOrderId(), helpRequestId, reply.getId()));
		return reply;
	}

	/** The replies to one help request, oldest first. */
	@Transactional(readOnly = true)
	public List<HelpReply> replies(UUID storeId, UUID helpRequestId) {
		return this.replies.findByStoreIdAndHelpRequestIdOrderByCreatedAt(storeId, helpRequestId);
	}

	/** The replies to an order's help requests, oldest first. */
	@Transactional(readOnly = true)
	public List<HelpReply> repliesForOrder(UUID storeId, UUID orderId) {
		List<UUID> ids = forOrder(storeId, orderId).stream().map(HelpRequest::getId).toList();
		return ids.isEmpty() ? List.of() : this.replies.findByStoreIdAndHelpRequestIdInOrderByCreatedAt(storeId, ids);
	}

	/**
	 * Resolves an open help request of the store.
	 * @throws ResolutionTooLong when the resolution is longer than
	 * {@link SupportLimits#resolutionLength()} (nothing is changed)
	 */
	@Transactional
	public void resolve(UUID storeId, UUID helpRequestId, String resolution) {
		if (resolution.length() > this.limits.resolutionLength()) {
			throw new ResolutionTooLong(this.limits.resolutionLength());
		}
		this.requests.findByStoreIdAndId(storeId, helpRequestId).ifPresent((r) -> {
			if (r.isOpen()) {
				r.resolve(resolution, this.clock.instant());
				this.events.publishEvent(new HelpRequestResolved(storeId, r.getOrderId(), r.getId()));
			}
		});
	}

}
