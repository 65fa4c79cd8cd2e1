package dev.beacon.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.order.Order;
import dev.beacon.testing.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one claimed batch costs PostgreSQL (docs/performance.md, "Fix 10"): the rescue and
 * the claim each one statement in autocommit (no transaction of their own to commit), the
 * database's clock taken from the claim, the checks' and the wording's reads once for the
 * batch, and per chunk one statement marking it "provider called" and one recording those
 * sent.
 */
class DispatchStatementsTests extends NotifyTestSupport {

	@Autowired
	StatementCounter statements;

	@Autowired
	StoreSettings settings;

	@Test
	void aBatchCostsTheRescueTheClaimItsReadsAndTwoStatementsPerChunkWithNothingToCommit() throws Exception {
		deliver(); // nothing else due
		List<String> emails = List.of(uniqueEmail(), uniqueEmail(), uniqueEmail());
		List<Order> placed = List.of(order("C-1", emails.get(0), null, "en"), order("C-2", emails.get(1), null, "en"),
				order("C-3", emails.get(2), null, "en"));
		// the three confirmations are due: one batch (batch=3)
		elapse(Duration.ofMinutes(2));
		AtomicInteger calls = new AtomicInteger();
		Dispatcher dispatcher = dispatcherWith(List.of(slowEmail(calls)));
		// the store and its settings as the dispatcher reads them, kept 5 s
		this.stores.recentById(this.storeId);
		this.settings.recentWordings(List.of(this.storeId));

		int[] claimed = new int[1];
		StatementCounter.Tally tally = this.statements.tally(() -> claimed[0] = dispatcher.runOnce());

		assertThat(claimed[0]).isEqualTo(3);
		assertThat(calls).hasValue(3);
		// a provider slower than a chunk's time: chunks of one, each marked and recorded
		// on its own; before them the rescue, the claim and the suppressions
		assertThat(tally.statements()).isEqualTo(3 + 3 * 2);
		assertThat(tally.commits()).isZero();
		for (Order order : placed) {
			assertThat(messages(order)).singleElement().satisfies((m) -> {
				assertThat(m.status()).isEqualTo(MessageStatus.SENT);
				assertThat(m.attempts()).isEqualTo(1);
			});
		}
	}

	/** E-mail that takes longer than {@link Dispatcher#CHUNK_CALLS} a message. */
	private static ChannelSender slowEmail(AtomicInteger calls) {
		return new ChannelSender() {

			@Override
			public Channel channel() {
				return Channel.EMAIL;
			}

			@Override
			public @Nullable String recipient(Order order, News news, ShopperPreferences prefs) {
				return null;
			}

			@Override
			public boolean configured() {
				return true;
			}

			@Override
			public SendResult send(OutboxMessage message) {
				calls.incrementAndGet();
				try {
					Thread.sleep(Dispatcher.CHUNK_CALLS.toMillis() + 10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return SendResult.sent("slow-" + message.id());
			}

			@Override
			public Reconciliation reconcile(OutboxMessage message) {
				return Reconciliation.unknown("test");
			}

		};
	}

}
