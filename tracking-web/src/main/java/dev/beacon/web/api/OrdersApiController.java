package dev.beacon.web.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderDetails;
import dev.beacon.order.OrderException;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderPage;
import dev.beacon.order.PlaceOrder;
import dev.beacon.order.TrackingLinks;
import dev.beacon.order.UpdateOrder;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.StorePrincipal;
import dev.beacon.web.api.ApiResponses.OrderList;
import dev.beacon.web.api.ApiResponses.OrderResponse;
import dev.beacon.web.api.ApiResponses.OrderSummary;
import dev.beacon.web.api.ApiResponses.ShipmentResponse;
import dev.beacon.web.api.OrderRequests.AddShipment;
import dev.beacon.web.api.OrderRequests.AddressBody;
import dev.beacon.web.api.OrderRequests.CreateOrder;
import dev.beacon.web.api.OrderRequests.UpdateOrderBody;

/** Orders of the calling store: create, read, list, add shipments. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrdersApiController {

	private final OrderManagement orders;

	private final ShipmentManagement shipments;

	private final TrackingLinks links;

	private final IdempotentRequests idempotency;

	private final TransactionTemplate readOnly;

	OrdersApiController(OrderManagement orders, ShipmentManagement shipments, TrackingLinks links,
			IdempotentRequests idempotency, PlatformTransactionManager transactions) {
		this.orders = orders;
		this.shipments = shipments;
		this.links = links;
		this.idempotency = idempotency;
		// the status read: its 3 plain statements on one pooled connection in autocommit,
		// no transaction (no BEGIN/COMMIT round trips, no Hibernate session). Under READ
		// COMMITTED each statement of a transaction took its own snapshot anyway.
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
	}

	@PostMapping
	@Operation(summary = "Record an order",
			description = "Honours Idempotency-Key. A duplicate order number " + "without a key answers 409.")
	ResponseEntity<?> create(@AuthenticationPrincipal StorePrincipal store, @Parameter(
			description = "Makes retries safe: same key and body answer the first response again") @RequestHeader(
					name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody CreateOrder body) {
		return this.idempotency.execute(store.storeId(), key, "POST /api/v1/orders", body, () -> {
			Order order = this.orders.place(store.storeId(), toCommand(body));
			OrderResponse response = OrderResponse.of(OrderDetails.of(order), url(store, order.getOrderNumber()),
					List.of());
			return ResponseEntity.created(URI.create("/api/v1/orders/" + encode(order.getOrderNumber())))
				.body(response);
		});
	}

	@GetMapping
	@Operation(summary = "List orders, newest first (cursor-paginated)")
	OrderList list(@AuthenticationPrincipal StorePrincipal store,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		OrderPage page = this.orders.page(store.storeId(), cursor, limit);
		return new OrderList(
				page.items().stream().map((o) -> OrderSummary.of(o, url(store, o.getOrderNumber()))).toList(),
				page.nextCursor());
	}

	@GetMapping("/{orderNumber}")
	@Operation(summary = "An order with its shipments and their events (newest first)")
	OrderResponse get(@AuthenticationPrincipal StorePrincipal store, @PathVariable String orderNumber) {
		// the order and its shipments, read as projections on one connection
		return Objects.requireNonNull(this.readOnly.execute((status) -> {
			OrderDetails order = this.orders.details(store.storeId(), orderNumber)
				.orElseThrow(() -> OrderException.notFound(orderNumber));
			return OrderResponse.of(order, url(store, order.orderNumber()),
					this.shipments.ofOrderWithoutPayloads(store.storeId(), order.id()));
		}));
	}

	@PatchMapping("/{orderNumber}")
	@Operation(summary = "Change an order's contact, destination, promised date or SMS consent, or cancel it",
			description = "Only the fields given change; an empty string clears a text field. status may only be "
					+ "CANCELLED (422 otherwise): a cancelled order is no longer polled, its shopper is sent "
					+ "nothing more and its page says it was cancelled. Answers the order.")
	ResponseEntity<?> update(@AuthenticationPrincipal StorePrincipal store, @PathVariable String orderNumber,
			@Valid @RequestBody UpdateOrderBody body) {
		if (body.status() != null && !"CANCELLED".equals(body.status().strip())) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid status change",
						"status may only be set to CANCELLED", "status"));
		}
		var c = body.customer();
		UpdateOrder change = new UpdateOrder(
				(c != null) ? new UpdateOrder.ContactChange(c.name(), c.email(), c.phone(), locale(c.locale()),
						c.smsConsent()) : null,
				patch(body.destination()), body.promisedBy(), body.status() != null, "api");
		Order order = this.orders.update(store.storeId(), orderNumber, change);
		return ResponseEntity.ok(OrderResponse.of(OrderDetails.of(order), url(store, order.getOrderNumber()),
				this.shipments.ofOrder(order.getId())));
	}

	@DeleteMapping("/{orderNumber}/personal-data")
	@Operation(summary = "Erase the shopper's personal data of an order",
			description = "Erases name, email and phone, and every stored copy (message bodies, raw carrier "
					+ "payloads, help requests). Keeps the order, its shipments, normalized scans and statistics. "
					+ "Afterwards the tracking page cannot be opened with the old email. Idempotent.")
	ResponseEntity<Void> erase(@AuthenticationPrincipal StorePrincipal store, @PathVariable String orderNumber) {
		this.orders.erasePersonalData(store.storeId(), orderNumber);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{orderNumber}/shipments")
	@Operation(summary = "Add a tracking number to an order",
			description = "carrier is a code of GET /api/v1/carriers (422 naming carrier when it is not); a carrier "
					+ "outside the registry is given as carrierName with an optional https trackingUrl; without "
					+ "either, Beacon detects the carrier from the number (422 when none matches).")
	ResponseEntity<?> addShipment(@AuthenticationPrincipal StorePrincipal store, @PathVariable String orderNumber,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody AddShipment body) {
		return this.idempotency.execute(store.storeId(), key, "POST /api/v1/orders/" + orderNumber + "/shipments", body,
				() -> {
					ShipmentView s = this.shipments.register(store.storeId(), orderNumber,
							new RegisterShipment(body.trackingNumber(), body.carrier(), body.service(),
									(body.shippedAt() != null) ? body.shippedAt().toInstant() : null,
									body.carrierName(), body.trackingUrl()));
					return ResponseEntity.status(HttpStatus.CREATED)
						.location(URI.create("/api/v1/shipments/" + s.id()))
						.body(ShipmentResponse.of(s));
				});
	}

	private String url(StorePrincipal store, String orderNumber) {
		return this.links.orderPage(store.slug(), orderNumber);
	}

	private static String encode(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static PlaceOrder toCommand(CreateOrder b) {
		var c = b.customer();
		List<OrderItem> items = (b.items() != null)
				? b.items().stream().map((i) -> new OrderItem(i.sku(), i.name().strip(), i.quantity())).toList()
				: List.of();
		return new PlaceOrder(b.orderNumber(), b.placedAt().toInstant(),
				new Customer(blank(c.name()), blank(c.email()), blank(c.phone()), locale(c.locale())),
				address(b.destination()), address(b.origin()), b.promisedBy(), items, false, c.smsConsent(), "api");
	}

	/**
	 * A language tag in its canonical form; blank stays blank (a PATCH clears with it).
	 */
	private static @Nullable String locale(@Nullable String tag) {
		if (tag == null) {
			return null;
		}
		return tag.isBlank() ? "" : Locale.forLanguageTag(tag.strip()).toLanguageTag();
	}

	/** Destination changes as given: null keeps a field, an empty string clears it. */
	private static @Nullable Address patch(@Nullable AddressBody a) {
		return (a != null) ? new Address(a.postalCode(), a.city(), a.region(), a.country()) : null;
	}

	private static @Nullable Address address(@Nullable AddressBody a) {
		return (a != null) ? new Address(blank(a.postalCode()), blank(a.city()), blank(a.region()), blank(a.country()))
				: null;
	}

	private static @Nullable String blank(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
