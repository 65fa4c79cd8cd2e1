package dev.beacon.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * <li><b>check</b> them ({@link DeliveryChecks}: channel, suppression, consent,
 * staleness, quiet hours, the daily cap); these end or postpone the row without calling
 * anyone;</li>
 * <li><b>mark</b> (commit) "provider called", only under a live lease (renewed for the
 * call), then <b>call</b> the provider, then <b>record</b> the outcome, every write
 * fenced by the lease token ({@link MessageClaims});</li>
 * <li><b>rescue</b> rows whose lease ran out ({@link LeaseRescue}): never called, so sent
 * again; called, so the channel is asked, with no row locked, whether the provider has it
 * (Twilio's message list) and the row becomes SENT or is sent again; a channel that
 * cannot tell (SMTP) leaves it UNCERTAIN for a person to decide, never sending it
 * twice.</li>
 * </ol>
 * Leases, due times, retries and stale times are the database's clock
 * ({@link MessageClaims}, {@link Messages}), never this instance's {@link Clock}; the
 * clock here decides only business times: quiet hours in the shopper's zone
 * ({@link DeliveryChecks}), suppression records and the latency measured from the status
 * change.
 */
@Component
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final MessageClaims claims;

	private final DeliveryChecks checks;

	private final Consents consents;

	private final Map<Channel, ChannelSender> senders;

	private final NotifyProperties properties;

	private final NotifyMetrics metrics;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ObjectProvider<DispatchHook> hooks;

	private final String node;

	private final LeaseRescue rescue;

	Dispatcher(MessageClaims claims, DeliveryChecks checks, Consents consents, List<ChannelSender> senders,
			NotifyProperties properties, NotifyMetrics metrics, TransactionTemplate tx, Clock clock,
			ObjectProvider<DispatchHook> hooks) {
		this.claims = claims;
		this.checks = checks;
		this.consents = consents;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.properties = properties;
		this.metrics = metrics;
		this.tx = tx;
		this.clock = clock;
		this.hooks = hooks;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.rescue = new LeaseRescue(claims, this.senders, metrics, tx, properties.dispatcher().lease(), this.node);
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
		this.rescue.run();
		List<OutboxMessage> claimed = this.tx.execute((s) -> this.claims.claim(this.properties.dispatcher().batch(),
				this.properties.dispatcher().lease(), this.node));
		for (OutboxMessage m : (claimed != null) ? claimed : List.<OutboxMessage>of()) {
			try {
				deliver(m);
			}
			catch (RuntimeException ex) {
				// as if the process died here: the lease runs out and the rescue decides
				log.error("Delivering message {} broke off; its lease will be rescued: {}", m.id(), ex.getMessage());
			}
		}
		return (claimed != null) ? claimed.size() : 0;
	}

	private void deliver(OutboxMessage m) {
		ChannelSender sender = this.senders.get(m.channel());
		if (sender == null || m.leaseToken() == null) {
			return;
		}
		DeliveryChecks.Verdict notNow = this.checks.check(m, sender, this.clock.instant(), this.claims.databaseNow());
		if (notNow instanceof DeliveryChecks.End end) {
			end(m, end.ending());
			return;
		}
		if (notNow instanceof DeliveryChecks.Hold hold) {
			this.claims.markHeld(m, hold.reason(), hold.span());
			return;
		}
		if (!this.claims.markProviderCalled(m, this.properties.dispatcher().lease())) {
			return; // lease lost or run out: the rescue decides, never a second caller
		}
		ChannelSender.SendResult result = sender.send(m);
		DispatchHook hook = this.hooks.getIfAvailable();
		if (hook != null) {
			hook.afterProviderCall(m, result);
		}
		record(m, result);
	}

	private void record(OutboxMessage m, ChannelSender.SendResult result) {
		Instant now = this.clock.instant();
		switch (result.kind()) {
			case SENT -> {
				if (this.claims.markSent(m, result.providerId())) {
					this.metrics.outcome("sent", m);
					this.metrics.latency(m, Duration.between(m.transitionAt(), now));
				}
			}
			case SUPPRESS -> {
				this.consents.suppress(m.channel(), m.recipient(), result.detail(), now);
				end(m, Ending.suppressed(result.detail()));
			}
			case PERMANENT -> end(m, Ending.failed(result.detail()));
			case RECONCILE -> log.warn("No answer from the provider for message {} ({}); it is reconciled when its "
					+ "lease runs out, never resent blindly", m.id(), result.detail());
			case UNCERTAIN -> end(m, Ending.uncertain(result.detail()));
			case RETRY -> {
				int max = this.properties.dispatcher().maxAttempts();
				if (m.attempts() >= max) {
					end(m, Ending.failedAfter(m.attempts(), result.detail()));
				}
				else if (this.claims.markRetry(m,
						"retrying: " + result.detail() + " (attempt " + m.attempts() + " of " + max + ")",
						backoff(m.attempts()))) {
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

	private void end(OutboxMessage m, Ending ending) {
		if (this.claims.markEnded(m, ending)) {
			this.metrics.outcome(ending.outcome(), m);
		}
	}

	/** Test seam: runs between the provider call and the record of its outcome. */
	interface DispatchHook {

		void afterProviderCall(OutboxMessage message, ChannelSender.SendResult result);

	}

}
