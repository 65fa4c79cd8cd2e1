package dev.beacon.notify;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.testing.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What queuing a shipment's message costs the status change's transaction
 * (docs/performance.md, "Fix 13"): the order, the shopper's preferences, and one
 * statement that inserts the row and reads (and locks) the shipment's other pending
 * messages of the channel for coalescing; the store and the trigger's channels come from
 * the copies kept 5 s per instance.
 */
class OutboxStatementsTests extends NotifyTestSupport {

	@Autowired
	StatementCounter statements;

	@Autowired
	Outbox outbox;

	@Autowired
	StoreSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aShipmentsMessageIsInsertedWithItsPendingOnesReadInTheSameStatement() throws Exception {
		Order order = order("Q-1", uniqueEmail(), null, "en");
		ShipmentView s = ship("Q-1");
		this.stores.recentById(this.storeId);
		this.settings.recentChannels(this.storeId, Trigger.SHIPPED);
		TransactionTemplate tx = new TransactionTemplate(this.transactions);

		long shipped = this.statements
			.count(() -> tx.executeWithoutResult((status) -> this.outbox.enqueue(news(Trigger.SHIPPED, "", order, s))));
		long outForDelivery = this.statements.count(() -> tx
			.executeWithoutResult((status) -> this.outbox.enqueue(news(Trigger.OUT_FOR_DELIVERY, "1", order, s))));
		long again = this.statements.count(() -> tx
			.executeWithoutResult((status) -> this.outbox.enqueue(news(Trigger.OUT_FOR_DELIVERY, "1", order, s))));

		// the order (with its items), the preferences, the insert with the pending ones
		assertThat(shipped).isEqualTo(3);
		// the same, and the older message superseded
		assertThat(outForDelivery).isEqualTo(4);
		// a key already queued: nothing inserted, nothing superseded
		assertThat(again).isEqualTo(3);
		assertThat(messages(order)).filteredOn((m) -> s.id().equals(m.shipmentId()))
			.extracting(MessageView::trigger, MessageView::status)
			.containsExactlyInAnyOrder(tuple(Trigger.SHIPPED, MessageStatus.SUPERSEDED),
					tuple(Trigger.OUT_FOR_DELIVERY, MessageStatus.PENDING));
	}

	private News news(Trigger trigger, String discriminator, Order order, ShipmentView s) {
		return new News(trigger, null, discriminator, this.storeId, order.getId(), s.id(), s.carrier(),
				s.trackingNumber(), null, "Memphis, TN", "On its way", null, null, this.clock.instant());
	}

}
