package dev.beacon.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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

import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.RegisterShipment;
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
 * moves them along. A new order arrives every {@code beacon.demo.traffic-interval}.
 */
@Component
@ConditionalOnProperty(name = "beacon.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoSettings.class)
@Order(100)
class DemoData implements ApplicationRunner {

	static final String SLUG = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/**
	 * One demo order: number, customer, city, journey digit, hours of carrier time
	 * already elapsed.
	 */
	record Spec(String number, String name, String email, @Nullable String locale, String city, String region,
			String postal, int journey, int elapsedHours, String item) {
	}

	static final List<Spec> ORDERS = List.of(
			new Spec("NW-1001", "Ana Lima", "ana.lima@example.com", "pt-BR", "Newark", "NJ", "07102", -1, 0,
					"Trail Runner 2"),
			new Spec("NW-1002", "Ben Carter", "ben.carter@example.com", null, "Austin", "TX", "78701", 0, 0,
					"Merino Hoodie"),
			new Spec("NW-1003", "Chloé Martin", "chloe.martin@example.com", "fr", "Chicago", "IL", "60601", 0, 5,
					"Rain Shell"),
			new Spec("NW-1004", "Diego Ramírez", "diego.ramirez@example.com", "es", "Miami", "FL", "33101", 0, 30,
					"Canvas Tote"),
			new Spec("NW-1005", "Emma Schulz", "emma.schulz@example.com", "de", "Denver", "CO", "80202", 0, 84,
					"Wool Beanie"),
			new Spec("NW-1006", "Farah Khan", "farah.khan@example.com", null, "Seattle", "WA", "98101", 0, 400,
					"Down Jacket"),
			new Spec("NW-1007", "Gus Okafor", "gus.okafor@example.com", null, "Memphis", "TN", "38103", 1, 60,
					"Hiking Boots"),
			new Spec("NW-1008", "Hana Sato", "hana.sato@example.com", null, "Phoenix", "AZ", "85001", 2, 80,
					"Yoga Mat"),
			new Spec("NW-1009", "Ivan Petrov", "ivan.petrov@example.com", null, "Portland", "OR", "97201", 3, 80,
					"Camp Stove"),
			new Spec("NW-1010", "Julia Rossi", "julia.rossi@example.com", null, "Boston", "MA", "02108", 4, 400,
					"Sleeping Bag"),
			new Spec("NW-1011", "Kofi Mensah", "kofi.mensah@example.com", null, "Atlanta", "GA", "30301", 5, 400,
					"Headlamp"),
			new Spec("NW-1012", "Lena Novak", "lena.novak@example.com", null, "Nashville", "TN", "37201", 6, 96,
					"Water Bottle"),
			new Spec("NW-1013", "Mateo Silva", "mateo.silva@example.com", "pt-BR", "Orlando", "FL", "32801", 0, 400,
					"Trekking Poles"),
			new Spec("NW-1014", "Nora Walsh", "nora.walsh@example.com", null, "Columbus", "OH", "43004", 1, 8,
					"Fleece Gloves"));

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final TrackingLinks links;

	private final DemoSettings settings;

	private final ConsoleUserManagement users;

	private final ImportJobs history;

	private final TaskScheduler scheduler;

	private final double timeScale;

	private final SecureRandom random = new SecureRandom();

	private final AtomicInteger sequence = new AtomicInteger(2000);

	private final Clock clock;

	private volatile @Nullable Store store;

	DemoData(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments, TrackingLinks links,
			DemoSettings settings, ConsoleUserManagement users, ImportJobs history, TaskScheduler scheduler,
			@Value("${beacon.sandbox.time-scale:1}") double timeScale, Clock clock) {
		this.clock = clock;
		this.scheduler = scheduler;
		this.users = users;
		this.history = history;
		this.stores = stores;
		this.orders = orders;
		this.shipments = shipments;
		this.links = links;
		this.settings = settings;
		this.timeScale = Math.max(1, timeScale);
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
			for (Spec spec : ORDERS) {
				place(s, spec);
			}
			placeSplitOrder(s);
			importHistory(s);
		}
		Store s = this.store;
		Duration every = this.settings.trafficInterval();
		if (!every.isZero() && !every.isNegative()) {
			this.scheduler.scheduleWithFixedDelay(this::newOrder, this.clock.instant().plus(every), every);
		}
		String password = consoleUsers(s);
		String base = this.links.baseUrl();
		log.info("""

				==================================================================
				 Beacon demo is ready
				   Tracking page   {}/t/{}   (order NW-1004, email diego.ramirez@example.com)
				   Signed link     {}
				   Console         {}/console   (users agent, ops, admin; password {})
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

	/**
	 * Console users agent, ops and admin with the configured (or a random, printed)
	 * password. Users that already exist keep their password.
	 */
	private String consoleUsers(Store s) {
		String configured = this.settings.password();
		String password;
		if (configured != null && !configured.isBlank()) {
			password = configured;
		}
		else {
			StringBuilder sb = new StringBuilder();
			String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
			for (int i = 0; i < 14; i++) {
				sb.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
			}
			password = sb.toString();
		}
		boolean created = false;
		for (Role role : Role.values()) {
			created |= ensureUser(role.name().toLowerCase(Locale.ROOT), role, password, s.getId());
		}
		return created ? password : "unchanged since the first start";
	}

	/**
	 * Creates the user with {@code password} and answers true; an existing user is only
	 * bound to the demo store (its password is never changed).
	 */
	boolean ensureUser(String username, Role role, String password, java.util.UUID storeId) {
		Optional<ConsoleUser> existing = this.users.byUsername(username);
		if (existing.isPresent()) {
			this.users.bind(existing.get().id(), Set.of(storeId));
			return false;
		}
		this.users.createUser(username, "Demo " + username, password, role, Set.of(storeId));
		return true;
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

	private void place(Store s, Spec spec) {
		Instant now = this.clock.instant();
		Instant shippedAt = now.minus(sandboxHours(spec.elapsedHours()));
		Instant placedAt = shippedAt.minus(sandboxHours(20));
		LocalDate promise = LocalDate.ofInstant(shippedAt.plus(sandboxHours(120)), ZoneId.of("America/New_York"));
		this.orders.place(s.getId(),
				new PlaceOrder(spec.number(), placedAt,
						new Customer(spec.name(), spec.email(), "+1 555 01" + spec.number().substring(5),
								spec.locale()),
						new Address(spec.postal(), spec.city(), spec.region(), "US"),
						new Address("10001", "New York", "NY", "US"), promise,
						List.of(new OrderItem("NW-" + Math.abs(spec.item().hashCode() % 10000), spec.item(), 1)),
						false));
		if (spec.journey() >= 0) {
			this.shipments.register(s.getId(), spec.number(),
					new RegisterShipment(trackingNumber(spec.journey()), "sandbox", "Ground", shippedAt));
		}
	}

	private void placeSplitOrder(Store s) {
		Instant now = this.clock.instant();
		this.orders.place(s.getId(), new PlaceOrder("NW-1015", now.minus(sandboxHours(110)),
				new Customer("Omar Haddad", "omar.haddad@example.com", null, null),
				new Address("94103", "San Francisco", "CA", "US"), new Address("10001", "New York", "NY", "US"),
				LocalDate.ofInstant(now.plus(sandboxHours(40)), ZoneId.of("America/New_York")),
				List.of(new OrderItem("NW-TENT", "Two-person Tent", 1), new OrderItem("NW-PAD", "Sleeping Pad", 2)),
				false));
		this.shipments.register(s.getId(), "NW-1015",
				new RegisterShipment(trackingNumber(0), "sandbox", "Ground", now.minus(sandboxHours(100))));
		this.shipments.register(s.getId(), "NW-1015",
				new RegisterShipment(trackingNumber(0), "sandbox", "Ground", now.minus(sandboxHours(28))));
	}

	/**
	 * A new order every traffic interval, on a random journey, so the demo keeps moving.
	 */
	void newOrder() {
		Store s = this.store;
		if (s == null) {
			return;
		}
		Spec template = ORDERS.get(this.random.nextInt(ORDERS.size()));
		String number = "NW-" + this.sequence.incrementAndGet() + "-" + (100 + this.random.nextInt(900));
		int journey = this.random.nextInt(10) < 6 ? 0 : this.random.nextInt(7);
		try {
			place(s, new Spec(number, template.name(), template.email(), template.locale(), template.city(),
					template.region(), template.postal(), journey, 0, template.item()));
		}
		catch (RuntimeException ex) {
			log.debug("Demo order {} not placed: {}", number, ex.getMessage());
		}
	}

	private Duration sandboxHours(int hours) {
		return Duration.ofMillis((long) (hours * 3_600_000L / this.timeScale));
	}

	private String trackingNumber(int journey) {
		StringBuilder sb = new StringBuilder("SBX").append(journey);
		for (int i = 0; i < 9; i++) {
			sb.append(this.random.nextInt(10));
		}
		return sb.toString().toUpperCase(Locale.ROOT);
	}

}
