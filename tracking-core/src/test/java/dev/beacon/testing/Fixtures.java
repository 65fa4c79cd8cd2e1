package dev.beacon.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.Ingested;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.Brand;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

/**
 * The test kit: a store, an order, a shipment and its scans, through the modules' own
 * APIs, in the order a store meets Beacon.
 *
 * <pre>
 * StoreFixture store = fixtures.store("core");
 * ShipmentFixture s = store.order("1001").placedAt(T0).promisedBy(day).shipment("SBX0000000001");
 * s.scans(Fixtures.scan("PU", "Picked up", T0.plusSeconds(3600)));
 * </pre>
 *
 * Build one from the three managements ({@code new Fixtures(stores, orders, shipments)});
 * every store gets a unique slug, so tests sharing a database never meet.
 */
public final class Fixtures {

	/** Where the default order goes: Memphis to New York. */
	public static final Address MEMPHIS = new Address("38103", "Memphis", "TN", "US");

	public static final Address NEW_YORK = new Address("10001", "New York", "NY", "US");

	private final StoreManagement stores;

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	public Fixtures(StoreManagement stores, OrderManagement orders, ShipmentManagement shipments) {
		this.stores = stores;
		this.orders = orders;
		this.shipments = shipments;
	}

	/** A new store in America/Chicago whose slug starts with {@code prefix}. */
	public StoreFixture store(String prefix) {
		return store(prefix, null, "America/Chicago");
	}

	/**
	 * A new store whose slug starts with {@code prefix}, with this default language and
	 * time zone (the store's defaults where null); its API key is at
	 * {@link StoreFixture#provisioned()}.
	 */
	public StoreFixture store(String prefix, @Nullable String locale, @Nullable String zone) {
		return new StoreFixture(
				this.stores.provision(new NewStore("Test " + prefix, TestStores.uniqueSlug(prefix), locale, zone)));
	}

	/** A store made elsewhere, to place orders in. */
	public StoreFixture of(Store store) {
		return new StoreFixture(new ProvisionedStore(store, ""));
	}

	/** A shipment registered elsewhere, to feed scans to. */
	public ShipmentFixture of(ShipmentView shipment) {
		return new ShipmentFixture(shipment.storeId(), shipment.id());
	}

	/** A scan in Memphis, as a carrier would report it. */
	public static RawScan scan(String code, String text, Instant at) {
		return scan(code, text, at, new ScanLocation("Memphis", "TN", null, "US"));
	}

	/**
	 * Scans written short, {@code "CODE@instant"} or {@code "CODE@instant@text"} (text
	 * "Scan CODE" when left out), in Memphis.
	 */
	public static RawScan[] scans(String... specs) {
		RawScan[] scans = new RawScan[specs.length];
		for (int i = 0; i < specs.length; i++) {
			String[] parts = specs[i].split("@", 3);
			scans[i] = scan(parts[0], (parts.length > 2) ? parts[2] : "Scan " + parts[0], Instant.parse(parts[1]));
		}
		return scans;
	}

	/** A scan at {@code where}, as a carrier would report it. */
	public static RawScan scan(String code, String text, Instant at, @Nullable ScanLocation where) {
		return new RawScan(code, text, "{\"code\":\"" + code + "\"}", at, null, null, where, null);
	}

	private ShipmentFixture register(UUID storeId, String orderNumber, String trackingNumber, String carrier,
			@Nullable String service, @Nullable Instant shippedAt) {
		ShipmentView view = this.shipments.register(storeId, orderNumber,
				new RegisterShipment(trackingNumber, carrier, service, shippedAt));
		return new ShipmentFixture(storeId, view.id());
	}

	/** A store, ready to take orders. */
	public final class StoreFixture {

		private final ProvisionedStore provisioned;

		StoreFixture(ProvisionedStore provisioned) {
			this.provisioned = provisioned;
		}

		public UUID id() {
			return this.provisioned.store().getId();
		}

		public Store store() {
			return this.provisioned.store();
		}

		/** The store with its API key (shown once, at provisioning). */
		public ProvisionedStore provisioned() {
			return this.provisioned;
		}

		public OrderBuilder order(String number) {
			return new OrderBuilder(id(), number);
		}

		/**
		 * Renames and brands the store (its language and time zone stay); answers the
		 * store as it is now.
		 */
		public StoreFixture branded(String name, Brand brand, int targetReliability) {
			Store store = store();
			Store updated = Fixtures.this.stores.updateBrand(id(), name, brand,
					store.getDefaultLocale().toLanguageTag(), store.getTimeZone().getId(), targetReliability);
			return new StoreFixture(new ProvisionedStore(updated, this.provisioned.apiKey()));
		}

		/** Registers a shipment on an order already placed. */
		public ShipmentFixture shipment(String orderNumber, String trackingNumber, String carrier,
				@Nullable String service, @Nullable Instant shippedAt) {
			return register(id(), orderNumber, trackingNumber, carrier, service, shippedAt);
		}

	}

	/**
	 * An order to place; defaults: placed Monday 2026-03-02 10:00 UTC, Memphis to New
	 * York, one lamp, no promise.
	 */
	public final class OrderBuilder {

		private final UUID storeId;

		private final String number;

		private Instant placedAt = Instant.parse("2026-03-02T10:00:00Z");

		private Customer customer = new Customer("Ana Lima", "ana@example.com", null, "pt-BR");

		private @Nullable Address origin = MEMPHIS;

		private @Nullable Address destination = NEW_YORK;

		private @Nullable LocalDate promisedBy;

		private final List<OrderItem> items = new ArrayList<>(List.of(new OrderItem("SKU-1", "Lamp", 1)));

		private boolean test;

		private @Nullable Order placed;

		OrderBuilder(UUID storeId, String number) {
			this.storeId = storeId;
			this.number = number;
		}

		public OrderBuilder placedAt(Instant at) {
			this.placedAt = at;
			return this;
		}

		public OrderBuilder customer(Customer customer) {
			this.customer = customer;
			return this;
		}

		public OrderBuilder from(@Nullable Address origin) {
			this.origin = origin;
			return this;
		}

		public OrderBuilder shippingTo(@Nullable Address destination) {
			this.destination = destination;
			return this;
		}

		public OrderBuilder promisedBy(@Nullable LocalDate date) {
			this.promisedBy = date;
			return this;
		}

		public OrderBuilder items(OrderItem... items) {
			this.items.clear();
			this.items.addAll(List.of(items));
			return this;
		}

		public OrderBuilder test() {
			return test(true);
		}

		public OrderBuilder test(boolean test) {
			this.test = test;
			return this;
		}

		/** Places the order (once). */
		public Order place() {
			if (this.placed == null) {
				this.placed = Fixtures.this.orders.place(this.storeId, new PlaceOrder(this.number, this.placedAt,
						this.customer, this.destination, this.origin, this.promisedBy, this.items, this.test));
			}
			return this.placed;
		}

		/** Places the order if needed and registers a sandbox shipment on it. */
		public ShipmentFixture shipment(String trackingNumber) {
			return shipment(trackingNumber, "sandbox", null, null);
		}

		/** Places the order if needed and registers a shipment on it. */
		public ShipmentFixture shipment(String trackingNumber, String carrier, @Nullable String service,
				@Nullable Instant shippedAt) {
			place();
			return register(this.storeId, this.number, trackingNumber, carrier, service, shippedAt);
		}

	}

	/** A registered shipment. */
	public final class ShipmentFixture {

		private final UUID storeId;

		private final UUID id;

		ShipmentFixture(UUID storeId, UUID id) {
			this.storeId = storeId;
			this.id = id;
		}

		public UUID id() {
			return this.id;
		}

		/** The shipment as it stands now. */
		public ShipmentView view() {
			return Fixtures.this.shipments.get(this.storeId, this.id);
		}

		/** The carrier reports these scans (a poll). */
		public Ingested scans(RawScan... scans) {
			return Fixtures.this.shipments.ingest(this.id, CarrierUpdate.of(List.of(scans), null),
					TransitionCause.POLL);
		}

		/**
		 * The carrier reports these scans, written short (see {@link Fixtures#scans}).
		 */
		public Ingested scans(String... specs) {
			return scans(Fixtures.scans(specs));
		}

	}

}
