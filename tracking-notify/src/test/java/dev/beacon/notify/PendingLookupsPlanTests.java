package dev.beacon.notify;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups of a shipment's or an order's pending messages never go through the claim's
 * partial index {@code notify_messages_due_order}, whatever the statistics say
 * ({@link Messages#PENDING}). The statistics are made as the eighth full-scale run found
 * them: analyzed while no message was pending, then a burst of pending messages. Under
 * them, {@code status = 'PENDING'} is planned through the claim's index (every pending
 * row read, 500 ms a lookup at 55,000 pending), the lookup's form through the shipment's.
 * All in one transaction rolled back, the analyze included.
 */
class PendingLookupsPlanTests extends NotifyTestSupport {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aShipmentsPendingMessagesAreLookedUpByTheShipmentWhateverTheStatistics() {
		new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			// the lookups' own indexes out of the way (rolled back; taken first, so
			// nothing
			// else this transaction does waits on another session): the planner's choice
			// is
			// then the claim's partial index or none
			this.jdbc.execute("drop index notify_messages_shipment");
			this.jdbc.execute("drop index notify_messages_order");
			// 50,000 messages sent, analyzed with none pending; then a burst of 5,000
			// pending
			this.jdbc.execute(
					"""
							insert into notify_messages (id, store_id, order_id, shipment_id, trigger, channel, idempotency_key,
							  recipient, locale, time_zone, status, next_attempt_at, transition_at, created_at)
							select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'SHIPPED', 'EMAIL',
							  'plan-' || g, 'shopper@example.com', 'en', 'UTC', 'SENT', now(), now(), now()
							from generate_series(1, 50000) g""");
			this.jdbc.execute("update notify_messages set status = 'SENT' where status = 'PENDING'");
			this.jdbc.execute("analyze notify_messages");
			this.jdbc.execute("update notify_messages set status = 'PENDING' "
					+ "where idempotency_key like 'plan-%' and right(idempotency_key, 1) = '0'");

			String lookup = "select id from notify_messages where shipment_id = '%s' and channel = 'EMAIL' and %s "
					+ "and attempts = 0 for update";
			UUID shipment = UUID.randomUUID();
			assertThat(plan(lookup.formatted(shipment, "status = 'PENDING'")))
				.as("the trap: the claim's index looks empty, and serves a plain 'status = PENDING'")
				.contains("notify_messages_due_order");
			assertThat(plan(lookup.formatted(shipment, Messages.PENDING))).doesNotContain("notify_messages_due_order");
			assertThat(plan(
					"update notify_messages set status = 'SUPPRESSED' where store_id = '%s' and order_id = '%s' and %s"
						.formatted(UUID.randomUUID(), UUID.randomUUID(), Messages.PENDING)))
				.doesNotContain("notify_messages_due_order");
			tx.setRollbackOnly();
		});
	}

	private String plan(String statement) {
		return String.join("\n", this.jdbc.queryForList("explain " + statement, String.class));
	}

}
