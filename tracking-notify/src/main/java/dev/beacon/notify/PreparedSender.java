package dev.beacon.notify;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Order;

/**
 * A channel prepared for one claimed batch ({@link ChannelSender#forBatch}): answers as
 * the channel does, except where a subclass answers from what it read once for the batch.
 */
public abstract class PreparedSender implements ChannelSender {

	private final ChannelSender channel;

	protected PreparedSender(ChannelSender channel) {
		this.channel = channel;
	}

	@Override
	public Channel channel() {
		return this.channel.channel();
	}

	@Override
	public @Nullable String recipient(Order order, News news, ShopperPreferences prefs) {
		return this.channel.recipient(order, news, prefs);
	}

	@Override
	public @Nullable String refusal(OutboxMessage message) {
		return this.channel.refusal(message);
	}

	@Override
	public @Nullable Hold hold(OutboxMessage message, Instant now) {
		return this.channel.hold(message, now);
	}

	@Override
	public @Nullable String unsubscribeLink(UUID storeId, String recipient, boolean essential) {
		return this.channel.unsubscribeLink(storeId, recipient, essential);
	}

	@Override
	public boolean configured() {
		return this.channel.configured();
	}

	@Override
	public SendResult send(OutboxMessage message) {
		return this.channel.send(message);
	}

	@Override
	public Reconciliation reconcile(OutboxMessage message) {
		return this.channel.reconcile(message);
	}

}
