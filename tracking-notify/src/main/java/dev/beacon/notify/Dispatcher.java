package dev.beacon.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.beacon.notify.consent.Consents;

/**
 * Delivers the outbox, exactly once per idempotency key:
 * <ol>
 * <li><b>claim</b> due rows in one statement ({@code FOR UPDATE SKIP LOCKED}; a second
 * instance skips them) with a lease token and expiry;</li>
 * <li><b>check</b> them ({@link DeliveryChecks}: channel, suppression, consent,
 * staleness, quiet hours, the daily cap; what they read, read once for the batch); these
 * end or postpone the row without calling anyone;</li>
 * <li><b>render</b> those that may go and were queued unrendered
 * ({@link MessageComposer});</li>
 * <li><b>mark</b> (commit) "provider called" for a chunk, only under each message's live
 * lease (renewed for the calls), with the words rendered now, then <b>call</b> the
 * providers, then <b>record</b> those they took in one statement, every write fenced by
 * the lease token ({@link MessageClaims}, {@link #handOver});</li>
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

	/** How long the provider calls of one chunk take at most, by the recent calls. */
	static final Duration CHUNK_CALLS = Duration.ofMillis(50);

	private final MessageClaims claims;

	private final DeliveryChecks checks;

	private final Consents consents;

	private final Map<Channel, ChannelSender> senders;

	private final NotifyProperties properties;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final ObjectProvider<DispatchHook> hooks;

	private final String node;

	private final LeaseRescue rescue;

	private final MessageComposer composer;

	/**
	 * The providers' recent time per call (halved towards each new chunk's), which sizes
	 * the chunks; starts as slow as {@link #CHUNK_CALLS}, so the first chunk is one.
	 */
	private volatile long nanosPerCall = CHUNK_CALLS.toNanos();

	Dispatcher(MessageClaims claims, DeliveryChecks checks, MessageComposer composer, Consents consents,
			List<ChannelSender> senders, NotifyProperties properties, NotifyMetrics metrics, Clock clock,
			ObjectProvider<DispatchHook> hooks) {
		this.claims = claims;
		this.checks = checks;
		this.composer = composer;
		this.consents = consents;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
		this.hooks = hooks;
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.rescue = new LeaseRescue(claims, this.senders, metrics, properties.dispatcher().lease(),
				properties.dispatcher().interval(), this.node);
	}

	/** Runs batches until one comes back short (a full batch: there may be more due). */
	void drain() {
		while (step() >= this.properties.dispatcher().batch()) {
			// more may be due
		}
	}

	/**
	 * A batch of {@link #drain}: the rescue only when due
	 * ({@link LeaseRescue#runWhenDue}).
	 */
	int step() {
		this.rescue.runWhenDue();
		return claimAndDeliver();
	}

	/** Rescues expired leases, then claims and delivers one batch; answers how many. */
	int runOnce() {
		this.rescue.run();
		return claimAndDeliver();
	}

	private int claimAndDeliver() {
		Claimed claim = this.claims.claim(this.properties.dispatcher().batch(), this.properties.dispatcher().lease(),
				this.node);
		List<OutboxMessage> claimed = claim.messages();
		if (claimed.isEmpty()) {
			return 0;
		}
		try {
			deliver(claim);
		}
		catch (RuntimeException ex) {
			// as if the process died here: the leases run out and the rescue decides
			log.error("Delivering a batch of {} messages broke off; their leases will be rescued: {}", claimed.size(),
					ex.getMessage());
		}
		return claimed.size();
	}

	/**
	 * Checks the batch (what the checks read, read once for it), renders the messages
	 * that may go and were queued unrendered, then hands them to their providers in
	 * chunks ({@link #handOver}). Staleness is judged by the database's clock of the
	 * claim.
	 */
	private void deliver(Claimed claim) {
		List<OutboxMessage> claimed = claim.messages();
		Instant databaseNow = claim.databaseNow();
		Instant now = this.clock.instant();
		DeliveryChecks.Batch checks = this.checks.prepare(claim);
		Map<Channel, ChannelSender> prepared = new EnumMap<>(Channel.class);
		this.senders.forEach((channel, sender) -> {
			List<OutboxMessage> ofChannel = claimed.stream().filter((m) -> m.channel() == channel).toList();
			if (!ofChannel.isEmpty()) {
				prepared.put(channel, sender.forBatch(ofChannel));
			}
		});
		List<OutboxMessage> ready = new ArrayList<>();
		for (OutboxMessage m : claimed) {
			ChannelSender sender = prepared.get(m.channel());
			if (sender == null || m.leaseToken() == null) {
				continue;
			}
			DeliveryChecks.Verdict notNow = checks.check(m, sender, now, databaseNow);
			if (notNow instanceof DeliveryChecks.End end) {
				end(m, end.ending());
			}
			else if (notNow instanceof DeliveryChecks.Hold hold) {
				this.claims.markHeld(m, hold.reason(), hold.span());
			}
			else {
				ready.add(m);
			}
		}
		List<OutboxMessage> rendered = new ArrayList<>(ready.size());
		for (MessageComposer.Composed c : this.composer.renderAll(ready)) {
			if (c.failure() != null) {
				end(c.message(), Ending.failed(c.failure()));
			}
			else {
				rendered.add(c.message());
			}
		}
		handOver(rendered, prepared);
	}

	/**
	 * Marks, calls and records in chunks: one statement marks a chunk "provider called"
	 * (the fence: only under each message's live lease, renewed for the calls; a message
	 * rendered now gets its words with the mark), its providers are called one by one,
	 * and one statement records those the providers took. A chunk holds as many messages
	 * as the providers' recent calls take {@link #CHUNK_CALLS} to hand over (one while
	 * they are slow), so a crash leaves at most that much marked but unrecorded. Past
	 * half the lease since its mark, a message is fenced again on its own before its
	 * call.
	 */
	private void handOver(List<OutboxMessage> ready, Map<Channel, ChannelSender> prepared) {
		Duration lease = this.properties.dispatcher().lease();
		long fenced = lease.toNanos() / 2;
		int next = 0;
		while (next < ready.size()) {
			long perCall = Math.max(1, this.nanosPerCall);
			int size = (int) Math.max(1, Math.min(ready.size() - next, CHUNK_CALLS.toNanos() / perCall));
			List<OutboxMessage> chunk = ready.subList(next, next + size);
			next += size;
			long markedAt = System.nanoTime();
			Set<UUID> marked = this.claims.markProviderCalled(chunk, lease);
			List<MessageClaims.Sent> sent = new ArrayList<>();
			long calls = System.nanoTime();
			for (OutboxMessage m : chunk) {
				if (!marked.contains(m.id())) {
					continue; // lease lost or run out: the rescue decides, never a second
								// caller
				}
				if (System.nanoTime() - markedAt > fenced && !this.claims.markProviderCalled(m, lease)) {
					continue;
				}
				try {
					ChannelSender.SendResult result = prepared.get(m.channel()).send(m);
					DispatchHook hook = this.hooks.getIfAvailable();
					if (hook != null) {
						hook.afterProviderCall(m, result);
					}
					if (result.kind() == ChannelSender.SendResult.Kind.SENT) {
						sent.add(new MessageClaims.Sent(m, result.providerId()));
					}
					else {
						record(m, result);
					}
				}
				catch (RuntimeException ex) {
					// as if the process died here: the lease runs out and the rescue
					// decides
					log.error("Delivering message {} broke off; its lease will be rescued: {}", m.id(),
							ex.getMessage());
				}
			}
			this.nanosPerCall = (this.nanosPerCall + (System.nanoTime() - calls) / size) / 2;
			recordSent(sent);
		}
	}

	private void recordSent(List<MessageClaims.Sent> sent) {
		Set<UUID> recorded = this.claims.markSent(sent);
		Instant now = this.clock.instant();
		for (MessageClaims.Sent s : sent) {
			if (recorded.contains(s.message().id())) {
				this.metrics.outcome("sent", s.message());
				this.metrics.latency(s.message(), Duration.between(s.message().transitionAt(), now));
			}
		}
	}

	private void record(OutboxMessage m, ChannelSender.SendResult result) {
		Instant now = this.clock.instant();
		switch (result.kind()) {
			case SENT -> recordSent(List.of(new MessageClaims.Sent(m, result.providerId())));
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
						this.properties.dispatcher().backoffAfter(m.attempts()))) {
					this.metrics.outcome("retried", m);
				}
			}
		}
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
