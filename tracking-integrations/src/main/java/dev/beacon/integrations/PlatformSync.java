package dev.beacon.integrations;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.beacon.order.TrackingLinks;

/**
 * What follows a connect, for every platform: Beacon subscribes its webhooks (a failure
 * is shown on the connection and retried every
 * {@code beacon.integrations.retry-interval}; it never fails the connect nor delays the
 * backfill) and, in parallel, imports the orders of the last {@code backfillDays} page by
 * page, with its progress (pages, orders, state, last error) on the connection. An order
 * the store cannot take is logged and skipped; a platform failure (or any other error)
 * stops the backfill as {@code failed}: no job stays under way forever. A connection
 * whose credentials cannot be read fails both at once with
 * {@value Connection#UNREADABLE}. Webhooks are delivered under
 * {@code beacon.public-base-url}, read from core's {@link TrackingLinks} (the one place
 * that reads it).
 */
@Service
public class PlatformSync {

	private static final Logger log = LoggerFactory.getLogger(PlatformSync.class);

	/** What a connection shows for a failure that is not the platform's answer. */
	static final String UNEXPECTED = "an unexpected error stopped it (see the log)";

	private final Map<String, PlatformClient> clients;

	private final Connections connections;

	private final OrderSync orders;

	private final SyncJobs jobs;

	private final TrackingLinks links;

	PlatformSync(List<PlatformClient> clients, Connections connections, OrderSync orders, SyncJobs jobs,
			TrackingLinks links) {
		this.clients = clients.stream().collect(Collectors.toMap(PlatformClient::platform, Function.identity()));
		this.connections = connections;
		this.orders = orders;
		this.jobs = jobs;
		this.links = links;
	}

	/**
	 * Asks the platform whether the token opens the account (see
	 * {@link PlatformClient#verify}): what a connection needs before it may claim it.
	 */
	VerifiedAccount verify(String platform, String account, String token) {
		PlatformClient client = this.clients.get(platform);
		if (client == null) {
			throw new IllegalStateException("no platform client for " + platform);
		}
		return VerifiedAccount.checked(client, account, token);
	}

	/** Subscribes and backfills in the background. */
	public void afterConnect(Connection c) {
		this.jobs.submit(c.platform() + " webhooks " + c.account(), () -> subscribe(c));
		this.jobs.submit(c.platform() + " backfill " + c.account(), () -> backfill(c));
	}

	/** Creates Beacon's webhook subscriptions; records the outcome on the connection. */
	void subscribe(Connection c) {
		if (!c.credentialsReadable()) {
			log.warn("{} {}: webhook subscription not tried: {}", c.platform(), c.account(), Connection.UNREADABLE);
			this.connections.subscription(c.id(), "failed", Connection.UNREADABLE);
			return;
		}
		try {
			client(c).subscribe(c, this.links.baseUrl());
			this.connections.subscription(c.id(), "active", null);
		}
		catch (IntegrationException ex) {
			log.warn("{} {}: webhook subscription failed: {}", c.platform(), c.account(), ex.getMessage());
			this.connections.subscription(c.id(), "failed", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("{} {}: webhook subscription failed unexpectedly", c.platform(), c.account(), ex);
			this.connections.subscription(c.id(), "failed", UNEXPECTED);
		}
	}

	/** Imports the orders of the last {@code backfillDays}, page by page. */
	void backfill(Connection c) {
		PlatformClient client = client(c);
		int imported = 0;
		int pages = 0;
		@Nullable String cursor = null;
		if (!c.credentialsReadable()) {
			log.warn("{} {}: backfill not started: {}", c.platform(), c.account(), Connection.UNREADABLE);
			this.connections.backfill(c.id(), "failed", 0, 0, Connection.UNREADABLE);
			return;
		}
		this.connections.backfill(c.id(), "running", 0, 0, null);
		try {
			do {
				PlatformClient.Page page = client.page(c, cursor);
				for (SyncedOrder order : page.orders()) {
					if (apply(c, order)) {
						imported++;
					}
				}
				pages++;
				this.connections.backfill(c.id(), "running", imported, pages, null);
				cursor = page.next();
			}
			while (cursor != null);
			this.connections.backfill(c.id(), "done", imported, pages, null);
		}
		catch (IntegrationException ex) {
			log.warn("{} {}: backfill stopped after {} pages: {}", c.platform(), c.account(), pages, ex.getMessage());
			this.connections.backfill(c.id(), "failed", imported, pages, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("{} {}: backfill stopped unexpectedly after {} pages", c.platform(), c.account(), pages, ex);
			this.connections.backfill(c.id(), "failed", imported, pages, UNEXPECTED);
		}
	}

	private boolean apply(Connection c, SyncedOrder order) {
		try {
			this.orders.apply(c.storeId(), order);
			return true;
		}
		catch (RuntimeException ex) {
			log.info("{} {}: order {} not imported: {}", c.platform(), c.account(), order.orderNumber(),
					ex.getMessage());
			return false;
		}
	}

	/** Retries failed webhook subscriptions. */
	@Scheduled(fixedDelayString = "${beacon.integrations.retry-interval:PT10M}",
			initialDelayString = "${beacon.integrations.retry-interval:PT10M}")
	void retrySubscriptions() {
		for (Connection c : this.connections.withFailedSubscription()) {
			if (this.clients.containsKey(c.platform())) {
				subscribe(c);
			}
		}
	}

	private PlatformClient client(Connection c) {
		PlatformClient client = this.clients.get(c.platform());
		if (client == null) {
			throw new IllegalStateException("no platform client for " + c.platform());
		}
		return client;
	}

}
