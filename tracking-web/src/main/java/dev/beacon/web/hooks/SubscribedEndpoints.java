package dev.beacon.web.hooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A store's active endpoints as {@link WebhookEvents} reads them: at most once per store
 * and transaction. An ingest publishes a shipment's and then its order's status change in
 * the same transaction, and a poller's batch many shipments of the same stores; each of
 * those events read the endpoints again before (inside its own savepoint). A store found
 * without endpoints in this transaction is not asked again, so its events need no
 * savepoint at all. Nothing outlives the transaction; an endpoint registered or removed
 * ({@link StoreWebhooks}) drops what this transaction knew.
 */
@Component
class SubscribedEndpoints {

	private final StoreWebhooks webhooks;

	SubscribedEndpoints(StoreWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	/** True when this transaction already found that the store has no endpoint. */
	boolean knownNone(UUID storeId) {
		Map<UUID, List<WebhookEndpoint>> known = known(false);
		List<WebhookEndpoint> endpoints = (known != null) ? known.get(storeId) : null;
		return endpoints != null && endpoints.isEmpty();
	}

	/** The store's active endpoints, read once in this transaction. */
	List<WebhookEndpoint> of(UUID storeId) {
		Map<UUID, List<WebhookEndpoint>> known = known(true);
		return (known != null) ? known.computeIfAbsent(storeId, this.webhooks::endpoints)
				: this.webhooks.endpoints(storeId);
	}

	/** Forgets what this transaction read (an endpoint was registered or removed). */
	static void changed() {
		if (TransactionSynchronizationManager.hasResource(SubscribedEndpoints.class)) {
			TransactionSynchronizationManager.unbindResource(SubscribedEndpoints.class);
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<UUID, List<WebhookEndpoint>> known(boolean create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Object bound = TransactionSynchronizationManager.getResource(SubscribedEndpoints.class);
		if (bound != null || !create) {
			return (Map<UUID, List<WebhookEndpoint>>) bound;
		}
		Map<UUID, List<WebhookEndpoint>> known = new HashMap<>();
		TransactionSynchronizationManager.bindResource(SubscribedEndpoints.class, known);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(SubscribedEndpoints.class);
			}
		});
		return known;
	}

}
