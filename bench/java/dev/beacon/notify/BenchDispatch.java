package dev.beacon.notify;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

import dev.beacon.notify.consent.Consents;
import dev.beacon.order.Order;

/**
 * Bench only (bench/java, never on the application's classpath): the application's own
 * {@link Dispatcher}, built from the running context's beans with an e-mail channel that
 * accepts every message at once, so a dispatch run measures claim, checks, mark, record
 * and nothing of a provider's latency.
 */
public final class BenchDispatch {

	private final Dispatcher dispatcher;

	private final AtomicLong sent = new AtomicLong();

	public BenchDispatch(ApplicationContext context) {
		ChannelSender email = new ChannelSender() {

			@Override
			public Channel channel() {
				return Channel.EMAIL;
			}

			@Override
			public @Nullable String recipient(Order order, News news, ShopperPreferences prefs) {
				return null; // dispatch only: recipients are already in the outbox rows
			}

			@Override
			public boolean configured() {
				return true;
			}

			@Override
			public SendResult send(OutboxMessage message) {
				BenchDispatch.this.sent.incrementAndGet();
				return SendResult.sent("bench-" + message.id());
			}

			@Override
			public Reconciliation reconcile(OutboxMessage message) {
				return Reconciliation.unknown("bench");
			}
		};
		this.dispatcher = new Dispatcher(context.getBean(MessageClaims.class), context.getBean(DeliveryChecks.class), context.getBean(MessageComposer.class),
				context.getBean(Consents.class), List.of(email), context.getBean(NotifyProperties.class),
				context.getBean(NotifyMetrics.class), context.getBean(Clock.class), context.getBeanProvider(Dispatcher.DispatchHook.class));
	}

	/**
	 * One batch as the dispatcher loop drains them ({@code Dispatcher.step}: the rescue only
	 * when due); answers how many were claimed.
	 */
	public int runOnce() {
		return this.dispatcher.step();
	}

	public long sent() {
		return this.sent.get();
	}

}
