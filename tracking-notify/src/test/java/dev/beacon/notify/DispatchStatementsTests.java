package dev.beacon.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.notify.consent.Consents;
import dev.beacon.order.Order;
import dev.beacon.testing.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one claimed batch costs PostgreSQL (docs/performance.md, "Fix 10" and "Fix 14"):
 * the rescue and the claim each one statement in autocommit (no transaction of their own
 * to commit), the database's clock, the suppressions and the day's counts read with the
 * claim, the settings' and the wording's reads kept a few seconds, per chunk one
 * statement marking it "provider called" and one recording those sent; a drain runs the
 * rescue once an interval, not before each batch.
 */
class DispatchStatementsTests extends NotifyTestSupport {

	@Autowired
	StatementCounter statements;

	@Autowired
	StoreSettings settings;

	@Autowired
	MessageClaims claims;

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
		// on its own; before them the rescue and the claim, which reads the suppressions
		// (and the day's counts) with it
		assertThat(tally.statements()).isEqualTo(2 + 3 * 2);
		assertThat(tally.commits()).isZero();
		for (Order order : placed) {
			assertThat(messages(order)).singleElement().satisfies((m) -> {
				assertThat(m.status()).isEqualTo(MessageStatus.SENT);
				assertThat(m.attempts()).isEqualTo(1);
			});
		}
	}

	@Test
	void aDrainOfFullBatchesRunsTheRescueOnceNotBeforeEachBatch() throws Exception {
		deliver(); // nothing else due
		List<Order> placed = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			placed.add(order("D-" + i, uniqueEmail(), null, "en"));
		}
		// seven confirmations due: batches of 3, 3 and 1 (batch=3)
		elapse(Duration.ofMinutes(2));
		AtomicInteger calls = new AtomicInteger();
		Dispatcher dispatcher = dispatcherEvery(Duration.ofHours(1), slowEmail(calls));
		this.stores.recentById(this.storeId);
		this.settings.recentWordings(List.of(this.storeId));

		StatementCounter.Tally tally = this.statements.tally(dispatcher::drain);

		assertThat(calls).hasValue(7);
		// the rescue once, then per batch the claim and 2 per chunk of one; a rescue
		// before each batch would make it 20
		assertThat(tally.statements()).isEqualTo(1 + (1 + 3 * 2) + (1 + 3 * 2) + (1 + 2));
		assertThat(tally.commits()).isZero();
		for (Order order : placed) {
			assertThat(messages(order)).singleElement()
				.satisfies((m) -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
		}
	}

	@Test
	void aDrainRescuesWhenTheRescueIsDueAndRunOnceAlways() throws Exception {
		deliver(); // nothing else due
		AtomicInteger calls = new AtomicInteger();
		Dispatcher dispatcher = dispatcherEvery(Duration.ofHours(1), slowEmail(calls));
		Order first = diedAfterClaiming("R-1");

		dispatcher.drain(); // its first: the rescue is due

		assertThat(messages(first)).singleElement().satisfies((m) -> {
			assertThat(m.status()).isEqualTo(MessageStatus.SENT);
			assertThat(m.attempts()).isEqualTo(2);
		});
		Order second = diedAfterClaiming("R-2");

		dispatcher.drain(); // within the hour since the last rescue: not due

		assertThat(messages(second)).singleElement()
			.satisfies((m) -> assertThat(m.status()).isEqualTo(MessageStatus.SENDING));

		dispatcher.runOnce(); // rescues every time

		assertThat(messages(second)).singleElement().satisfies((m) -> {
			assertThat(m.status()).isEqualTo(MessageStatus.SENT);
			assertThat(m.attempts()).isEqualTo(2);
		});
		assertThat(calls).hasValue(2);
	}

	/**
	 * An order whose confirmation a dispatcher claimed, then died before its provider.
	 */
	private Order diedAfterClaiming(String number) {
		Order order = order(number, uniqueEmail(), null, "en");
		elapse(Duration.ofMinutes(2));
		assertThat(this.claims.claim(50, Duration.ofMinutes(2), "dead-node").messages()).hasSize(1);
		expireLeases();
		return order;
	}

	/** A dispatcher whose loop (and rescue) interval is {@code interval}. */
	private Dispatcher dispatcherEvery(Duration interval, ChannelSender email) {
		NotifyProperties p = this.context.getBean(NotifyProperties.class);
		NotifyProperties.Dispatcher d = p.dispatcher();
		NotifyProperties every = new NotifyProperties(p.enabled(), p.holdWindow(), p.maxPerShipmentPerDay(),
				p.quietStart(), p.quietEnd(), p.emailFrom(), p.unsubscribeSecret(),
				new NotifyProperties.Dispatcher(d.enabled(), interval, d.batch(), d.lease(), d.maxAttempts(),
						d.backoff(), d.maxBackoff(), d.checkInterval()),
				p.stalled());
		return new Dispatcher(this.claims, this.context.getBean(DeliveryChecks.class),
				this.context.getBean(MessageComposer.class), this.context.getBean(Consents.class), List.of(email),
				every, this.context.getBean(NotifyMetrics.class), this.context.getBean(java.time.Clock.class),
				this.context.getBeanProvider(Dispatcher.DispatchHook.class));
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
