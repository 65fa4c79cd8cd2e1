package dev.beacon.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Brand;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * Creates the demo store "Northwind Outfitters" (slug {@code demo}) with orders in every
 * milestone and health on the sandbox carrier. Shipments are backdated in sandbox time so
 * that, at start, each sits at a different point of its journey; the sandbox carrier then
 * moves them along. A new order arrives every {@code beacon.demo.traffic-interval}. The
 * orders are {@link DemoOrders}', the console users {@link DemoUsers}'.
 */
@Component
@ConditionalOnProperty(name = "beacon.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoSettings.class)
@Order(100)
class DemoData implements ApplicationRunner {

	static final String SLUG = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final StoreManagement stores;

	private final TrackingLinks links;

	private final DemoSettings settings;

	private final ImportJobs history;

	private final TaskScheduler scheduler;

	private final double timeScale;

	private final DemoOrders demoOrders;

	private final DemoUsers demoUsers;

	private final Clock clock;

	private volatile @Nullable Store store;

	DemoData(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments, TrackingLinks links,
			DemoSettings settings, ConsoleUserManagement users, ImportJobs history, TaskScheduler scheduler,
			@Value("${beacon.sandbox.time-scale:1}") double timeScale, Clock clock) {
		this.clock = clock;
		this.scheduler = scheduler;
		this.history = history;
		this.stores = stores;
		this.links = links;
		this.settings = settings;
		this.timeScale = Math.max(1, timeScale);
		this.demoOrders = new DemoOrders(orders, shipments, clock, this.timeScale);
		this.demoUsers = new DemoUsers(users, settings);
	}

	@Override
	public void run(ApplicationArguments args) {
		refuseOtherStores(this.stores.all().stream().map(Store::getSlug).toList());
		Optional<Store> existing = this.stores.bySlug(SLUG);
		String apiKey;
		if (existing.isPresent()) {
			this.store = existing.get();
			String configured = this.settings.apiKey();
			if (configured != null && this.stores.ensureKey(existing.get().getId(), "demo-configured", configured)) {
				// honoured on every start, not only the first: registered when new
				apiKey = "(as configured in beacon.demo.api-key)";
			}
			else {
				if (configured != null) {
					log.warn("beacon.demo.api-key belongs to another store; issuing a new demo key instead");
				}
				apiKey = this.stores.issueKey(existing.get().getId(), "demo-" + this.clock.instant()).plaintext();
			}
			log.info("Demo store '{}' already exists; leaving its orders as they are", SLUG);
		}
		else {
			ProvisionedStore p = this.stores.provision(
					new NewStore("Northwind Outfitters", SLUG, "en", "America/New_York"), this.settings.apiKey());
			Store s = this.stores.updateBrand(p.store().getId(), "Northwind Outfitters",
					new Brand(null, "#14532d", "#b45309", "help@northwind.example", "+1 555 010 0199",
							"https://northwind.example/help",
							"Questions about your order? We answer within one business day."),
					"en", "America/New_York", 90);
			this.store = s;
			apiKey = p.apiKey();
			this.demoOrders.placeAll(s);
			importHistory(s);
		}
		Store s = this.store;
		Duration every = this.settings.trafficInterval();
		if (!every.isZero() && !every.isNegative()) {
			this.scheduler.scheduleWithFixedDelay(this::newOrder, this.clock.instant().plus(every), every);
		}
		String password = this.demoUsers.consoleUsers(s);
		String base = this.links.baseUrl();
		log.info("""

				==================================================================
				 Beacon demo is ready
				   Tracking page   {}/t/{}   (order NW-1004, email diego.ramirez@example.com)
				   Signed link     {}
				   Console         {}/console   (users agent, ops, admin, operator; password {})
				   API docs        {}/swagger-ui.html
				   Demo API key    {}
				   Try             curl -H 'Authorization: Bearer <key>' {}/api/v1/orders/NW-1004
				   Sandbox clock   {}x real time
				==================================================================""", base, SLUG,
				this.links.signedOrderPage(SLUG, "NW-1007"), base, password, base, apiKey, base, this.timeScale);
	}

	/**
	 * Demo mode is for a database of its own: a database that holds any store other than
	 * the demo's is refused (the application does not start), so demo mode switched on by
	 * mistake against production changes nothing.
	 */
	static void refuseOtherStores(List<String> slugs) {
		List<String> others = slugs.stream().filter((slug) -> !slug.equals(SLUG)).sorted().toList();
		if (!others.isEmpty()) {
			throw new IllegalStateException("Demo mode refuses this database: it holds stores other than the demo's ("
					+ String.join(", ", others.subList(0, Math.min(3, others.size())))
					+ ((others.size() > 3) ? ", ..." : "")
					+ "). Switch beacon.demo.enabled off, or point Beacon at a database of its own.");
		}
	}

	/** Delegates to {@link DemoUsers#ensureUser} (kept for the demo's safety tests). */
	boolean ensureUser(String username, Role role, String password, java.util.UUID storeId) {
		return this.demoUsers.ensureUser(username, role, password, storeId);
	}

	/**
	 * A year of synthetic delivery history, so reports and promises have data to show.
	 */
	private void importHistory(Store s) {
		try {
			java.nio.file.Path file = DemoHistory.write(4000, 7);
			ImportJob job = this.history.run(s.getId(), "shipments", "demo-history.csv", file, (j) -> {
			});
			java.nio.file.Files.deleteIfExists(file);
			log.info("Demo delivery history imported: {} rows", job.importedRows());
		}
		catch (java.io.IOException | RuntimeException ex) {
			log.warn("Demo delivery history not imported: {}", ex.getMessage());
		}
	}

	/**
	 * A new order every traffic interval, on a random journey, so the demo keeps moving.
	 */
	void newOrder() {
		Store s = this.store;
		if (s != null) {
			this.demoOrders.newOrder(s);
		}
	}

}
