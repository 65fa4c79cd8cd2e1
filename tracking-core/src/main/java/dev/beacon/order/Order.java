package dev.beacon.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;

/** An order of a store. The order number is unique within the store. */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	private UUID id;

	@Column(name = "store_id")
	private UUID storeId;

	@Column(name = "order_number")
	private String orderNumber;

	@Embedded
	private Customer customer;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "postalCode", column = @Column(name = "dest_postal_code")),
			@AttributeOverride(name = "city", column = @Column(name = "dest_city")),
			@AttributeOverride(name = "region", column = @Column(name = "dest_region")),
			@AttributeOverride(name = "country", column = @Column(name = "dest_country")) })
	private Address destination;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "postalCode", column = @Column(name = "origin_postal_code")),
			@AttributeOverride(name = "city", column = @Column(name = "origin_city")),
			@AttributeOverride(name = "region", column = @Column(name = "origin_region")),
			@AttributeOverride(name = "country", column = @Column(name = "origin_country")) })
	private Address origin;

	@Column(name = "placed_at")
	private Instant placedAt;

	@Column(name = "promised_by")
	private @Nullable LocalDate promisedBy;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Enumerated(EnumType.STRING)
	private Health health;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<OrderItem> items = new ArrayList<>();

	/**
	 * Test orders (sandbox carrier, created from the console) are left out of reports.
	 */
	@Column(name = "test")
	private boolean test;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "cancelled_at")
	private @Nullable Instant cancelledAt;

	@Column(name = "cancel_source")
	private @Nullable String cancelSource;

	@Column(name = "sms_consent")
	private @Nullable Boolean smsConsent;

	@Column(name = "sms_consent_source")
	private @Nullable String smsConsentSource;

	@Column(name = "sms_consent_at")
	private @Nullable Instant smsConsentAt;

	@Column(name = "personal_data_erased_at")
	private @Nullable Instant personalDataErasedAt;

	@Version
	private @Nullable Long version;

	protected Order() {
	}

	Order(UUID storeId, PlaceOrder command, Instant now) {
		this.id = UUID.randomUUID();
		this.storeId = storeId;
		this.orderNumber = command.orderNumber().strip();
		Customer c = command.customer();
		this.customer = new Customer(c.name(), (c.email() != null) ? c.email().strip().toLowerCase(Locale.ROOT) : null,
				c.phone(), c.locale());
		this.destination = (command.destination() != null) ? command.destination() : Address.empty();
		this.origin = (command.origin() != null) ? command.origin() : Address.empty();
		this.placedAt = command.placedAt();
		this.promisedBy = command.promisedBy();
		this.items = new ArrayList<>(command.items());
		this.status = OrderStatus.ORDERED;
		this.health = Health.ON_TRACK;
		this.test = command.test();
		this.createdAt = now;
		this.updatedAt = this.createdAt;
		if (command.smsConsent() != null) {
			consent(command.smsConsent(), command.source(), this.createdAt);
		}
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getStoreId() {
		return this.storeId;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	/** The shopper; never null (an order with no customer details has an empty one). */
	public Customer getCustomer() {
		return (this.customer != null) ? this.customer : new Customer(null, null, null, null);
	}

	public Address getDestination() {
		return (this.destination != null) ? this.destination : Address.empty();
	}

	public Address getOrigin() {
		return (this.origin != null) ? this.origin : Address.empty();
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

	public @Nullable LocalDate getPromisedBy() {
		return this.promisedBy;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Health getHealth() {
		return this.health;
	}

	public List<OrderItem> getItems() {
		return List.copyOf(this.items);
	}

	public boolean isTest() {
		return this.test;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** The shopper's answer to "text me updates", or null when never asked. */
	public @Nullable SmsConsent getSmsConsent() {
		return (this.smsConsent != null && this.smsConsentAt != null) ? new SmsConsent(this.smsConsent,
				(this.smsConsentSource != null) ? this.smsConsentSource : "unknown", this.smsConsentAt) : null;
	}

	/** When the store cancelled the order (null: not cancelled). */
	public @Nullable Instant getCancelledAt() {
		return this.cancelledAt;
	}

	public boolean isCancelled() {
		return this.cancelledAt != null;
	}

	/** When the shopper's personal data was erased (null: never). */
	public @Nullable Instant getPersonalDataErasedAt() {
		return this.personalDataErasedAt;
	}

	void consent(boolean consented, String source, Instant at) {
		this.smsConsent = consented;
		this.smsConsentSource = source;
		this.smsConsentAt = at;
	}

	void contact(Customer customer, Instant at) {
		this.customer = new Customer(customer.name(),
				(customer.email() != null) ? customer.email().strip().toLowerCase(Locale.ROOT) : null, customer.phone(),
				customer.locale());
		this.updatedAt = at;
	}

	void destination(Address destination, Instant at) {
		this.destination = destination;
		this.updatedAt = at;
	}

	void promisedBy(@Nullable LocalDate promisedBy, Instant at) {
		this.promisedBy = promisedBy;
		this.updatedAt = at;
	}

	/**
	 * Cancels the order: its status is CANCELLED from now on, whatever its shipments do.
	 */
	void cancel(String source, Instant at) {
		this.cancelledAt = at;
		this.cancelSource = source;
		this.status = OrderStatus.CANCELLED;
		this.updatedAt = at;
	}

	/**
	 * Forgets who the shopper is: name, email, phone and SMS consent. The destination
	 * keeps postal code, city, region and country (no street is ever stored), which the
	 * statistics and delivery estimates need.
	 */
	void erasePersonalData(Instant at) {
		Customer c = getCustomer();
		this.customer = new Customer(null, null, null, c.locale());
		this.smsConsent = null;
		this.smsConsentSource = null;
		this.smsConsentAt = null;
		this.personalDataErasedAt = at;
		this.updatedAt = at;
	}

	/** Sets the derived status; answers whether it changed. */
	boolean derived(OrderStatus.Derived derived, Instant now) {
		OrderStatus status = derived.forOrder(isCancelled()).status();
		Health health = derived.health();
		boolean changed = this.status != status || this.health != health;
		this.status = status;
		this.health = health;
		if (changed) {
			this.updatedAt = now;
		}
		return changed;
	}

}
