package dev.beacon.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.notify.consent.Consents;

/**
 * Delivers the outbox, exactly once per idempotency key:
 * <ol>
 * <li><b>claim</b> due rows in a short transaction ({@code FOR UPDATE SKIP LOCKED}; a
 * second instance skips them) with a lease token and expiry;</li>
 * <li><b>check</b> channel, suppression, consent, staleness, quiet hours and the daily
 * cap; these end or postpone the row without calling anyone;</li>
 * <li><b>mark</b> (commit) "provider called", only under a live lease (renewed for the
 * call), then <b>call</b> the provider, then <b>record</b> the outcome, every write
 * fenced by the lease token;</li>
 * <li><b>rescue</b> rows whose lease ran out: never called, so sent again; called, so the
 * channel is asked whether the provider has it (Twilio's message list) and the row
 * becomes SENT or is sent again; a channel that cannot tell (SMTP) leaves it UNCERTAIN
 * for a person to decide, never sending it twice.</li>
 * </ol>
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** Action and final news that a daily cap must not swallow. */
	private static final Set<Trigger> UNCAPPED = EnumSet.of(Trigger.DELIVERED, Trigger.EXCEPTION,
			Trigger.DELIVERY_ATTEMPTED, Trigger.AVAILABLE_FOR_PICKUP, Trigger.HELP_RECEIVED, Trigger.ORDER_CONFIRMED);

	private final Messages messages;

	private final Consents consents;

	private final StoreSettings settings;

	private final Map<Channel, ChannelSender> senders;

	private final NotifyProperties properties;

	private final NotifyMetrics metrics;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ObjectProvider<DispatchHook> hooks;

	private final String node;

	Dispatcher(Messages messages, Consents consents, StoreSettings settings, List<ChannelSender> senders,
			NotifyProperties properties, NotifyMetrics metrics, TransactionTemplate tx, Clock clock,
			ObjectProvider<DispatchHook> hooks) {
		this.messages = messages;
		this.consents = consents;
		this.settings = settings;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.properties = properties;
		this.metrics = metrics;
		this.tx = tx;
		this.clock = clock;
		this.hooks = hooks;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Runs batches until one comes back short (a full batch: there may be more due). */
	void drain() {
		while (runOnce() >= this.properties.dispatcher().batch()) {
			// more may be due
		}
	}

	/**
	 * Rescues expired leases, then claims and delivers one batch; answers how many were
	 * claimed.
	 */
	int runOnce() {
		rescue();
		Instant now = this.clock.instant();
		List<OutboxMessage> claimed = this.tx.execute((s) -> this.messages.claim(this.properties.dispatcher().batch(),
				now, now.plus(this.properties.dispatcher().lease()), this.node));
		for (OutboxMessage m : (claimed != null) ? claimed : List.<OutboxMessage>of()) {
			try {
				deliver(m);
			}
			catch (RuntimeException ex) {
				// as if the process died here: the lease runs out and rescue() decides
				log.error("Delivering message {} broke off; its lease will be rescued: {}", m.id(), ex.getMessage());
			}
		}
		return (claimed != null) ? claimed.size() : 0;
	}

	private void deliver(OutboxMessage m) {
		Instant now = this.clock.instant();
		ChannelSender sender = this.senders.get(m.channel());
		UUID token = m.leaseToken();
		if (sender == null || token == null) {
			return;
		}
		if (!sender.configured()) {
			end(m, token, MessageStatus.NOT_CONFIGURED, "not sent: channel not configured", "not_configured");
			return;
		}
		String blocked = blocked(sender, m);
		if (blocked != null) {
			end(m, token, MessageStatus.SUPPRESSED, blocked, "suppressed");
			return;
		}
		if (m.staleAfter() != null && now.isAfter(m.staleAfter())) {
			end(m, token, MessageStatus.EXPIRED, "not sent: stale by the time it could go", "expired");
			return;
		}
		ChannelSender.Hold hold = sender.hold(m, now);
		if (hold != null) {
			if (m.staleAfter() != null && hold.until().isAfter(m.staleAfter())) {
				end(m, token, MessageStatus.EXPIRED,
						"not sent: " + hold.reason() + " last until after the news is stale", "expired");
			}
			else {
				this.messages.finish(
						m.id(), token, MessageStatus.PENDING, "held: " + hold.reason() + " until "
								+ hold.until().atZone(m.zone()).toLocalTime() + " (" + m.zone().getId() + ")",
						null, null, hold.until(), true);
			}
			return;
		}
		if (m.shipmentId() != null && !UNCAPPED.contains(m.trigger())) {
			Integer storeCap = this.settings.load(m.storeId()).maxPerShipmentPerDay();
			int cap = (storeCap != null) ? storeCap : this.properties.maxPerShipmentPerDay();
			if (this.messages.sentSince(m.shipmentId(), m.channel(), now.minus(Duration.ofDays(1)), m.id()) >= cap) {
				end(m, token, MessageStatus.SKIPPED,
						"not sent: limit of " + cap + " messages per shipment per day reached", "skipped");
				return;
			}
		}
		Instant calling = this.clock.instant();
		if (!this.messages.markProviderCalled(m.id(), token, calling,
				calling.plus(this.properties.dispatcher().lease()))) {
			return; // lease lost or run out: the rescue decides, never a second caller
		}
		ChannelSender.SendResult result = sender.send(m);
		DispatchHook hook = this.hooks.getIfAvailable();
		if (hook != null) {
			hook.afterProviderCall(m, result);
		}
		record(m, token, result);
	}

	private void record(OutboxMessage m, UUID token, ChannelSender.SendResult result) {
		Instant now = this.clock.instant();
		switch (result.kind()) {
			case SENT -> {
				if (this.messages.finish(m.id(), token, MessageStatus.SENT, null, result.providerId(), now, null,
						false)) {
					this.metrics.outcome("sent", m);
					this.metrics.latency(m, Duration.between(m.transitionAt(), now));
				}
			}
			case SUPPRESS -> {
				this.consents.suppress(m.channel(), m.recipient(), result.detail(), now);
				end(m, token, MessageStatus.SUPPRESSED, "not sent: " + result.detail(), "suppressed");
			}
			case PERMANENT -> end(m, token, MessageStatus.DEAD, "failed: " + result.detail(), "failed");
			case RECONCILE -> log.warn("No answer from the provider for message {} ({}); it is reconciled when its "
					+ "lease runs out, never resent blindly", m.id(), result.detail());
			case UNCERTAIN -> end(m, token, MessageStatus.UNCERTAIN, "uncertain: " + result.detail()
					+ "; not resent automatically (resend if the shopper did not get it)", "uncertain");
			case RETRY -> {
				int max = this.properties.dispatcher().maxAttempts();
				if (m.attempts() >= max) {
					end(m, token, MessageStatus.DEAD, "failed after " + m.attempts() + " attempts: " + result.detail(),
							"failed");
				}
				else {
					Duration delay = backoff(m.attempts());
					this.messages.finish(m.id(), token, MessageStatus.PENDING,
							"retrying: " + result.detail() + " (attempt " + m.attempts() + " of " + max + ")", null,
							null, now.plus(delay), false);
					this.metrics.outcome("retried", m);
				}
			}
		}
	}

	Duration backoff(int attempts) {
		Duration base = this.properties.dispatcher().backoff();
		Duration delay = base.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		Duration max = this.properties.dispatcher().maxBackoff();
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	private void end(OutboxMessage m, UUID token, MessageStatus status, String reason, String outcome) {
		if (this.messages.finish(m.id(), token, status, reason, null, null, null, false)) {
			this.metrics.outcome(outcome, m);
		}
	}

	/** Why this recipient must not get it, or null. */
	private @Nullable String blocked(ChannelSender sender, OutboxMessage m) {
		String suppressed = this.consents.suppression(m.channel(), m.recipient()).orElse(null);
		if (suppressed != null) {
			return "not sent: " + suppressed;
		}
		String refusal = sender.refusal(m);
		return (refusal != null) ? "not sent: " + refusal : null;
	}

	/**
	 * Decides rows whose lease ran out (their dispatcher died, hung or lost the
	 * database).
	 */
	void rescue() {
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult((s) -> {
			for (OutboxMessage m : this.messages.expiredLeases(now, 50)) {
				ChannelSender sender = this.senders.get(m.channel());
				if (m.providerCalledAt() == null || sender == null) {
					this.messages.rescue(m.id(), MessageStatus.PENDING,
							"rescued: the dispatcher stopped before sending", null, null, now);
					continue;
				}
				ChannelSender.Reconciliation r = sender.reconcile(m);
				if (r.outcome() == ChannelSender.Reconciliation.Outcome.FOUND && r.providerId() != null
						&& this.messages.providerIdTaken(r.providerId(), m.id())) {
					r = ChannelSender.Reconciliation.unknown("the provider's message is recorded for another row");
				}
				switch (r.outcome()) {
					case FOUND -> {
						this.messages.rescue(m.id(), MessageStatus.SENT,
								"sent (confirmed with the provider after a crash)", r.providerId(),
								m.providerCalledAt(), m.nextAttemptAt());
						this.metrics.outcome("sent", m);
					}
					case NOT_SENT -> this.messages.rescue(m.id(), MessageStatus.PENDING,
							"rescued: the provider never got it; sending again", null, null, now);
					case UNKNOWN -> {
						this.messages.rescue(m.id(), MessageStatus.UNCERTAIN,
								"uncertain: " + r.detail()
										+ "; not resent automatically (resend if the shopper did not get it)",
								null, null, m.nextAttemptAt());
						this.metrics.outcome("uncertain", m);
					}
					case UNAVAILABLE -> {
						// the provider cannot be asked now: try again next round
					}
				}
			}
		});
	}

	/** Test seam: runs between the provider call and the record of its outcome. */
	interface DispatchHook {

		void afterProviderCall(OutboxMessage message, ChannelSender.SendResult result);

	}

}
