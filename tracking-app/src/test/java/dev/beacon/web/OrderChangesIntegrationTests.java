package dev.beacon.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.notify.Channel;
import dev.beacon.notify.NotificationManagement;
import dev.beacon.notify.NotificationSettings;
import dev.beacon.notify.Trigger;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.OrderStatus;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import dev.beacon.testing.Fixtures;

import static dev.beacon.TestKit.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9, "Orders change": PATCH and cancel an order, remove a shipment added by
 * mistake, erase an order's personal data, in the assembled application on PostgreSQL
 * without demo mode.
 */
@BeaconIntegrationTest
class OrderChangesIntegrationTests {

	static final String UPS_NUMBER = "1Z999AA10123456784";

	static final String WRONG_NUMBER = "1Z999AA10123456785";

	private static final Pattern HEADLINE = Pattern.compile("<h1 id=\"headline\">([^<]*)</h1>");

	private static final Pattern CARD = Pattern.compile("aria-labelledby=\"s-([0-9a-f-]{36})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	SupportManagement support;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	JdbcTemplate jdbc;

	ProvisionedStore store;

	ProvisionedStore other;

	int client;

	@BeforeEach
	void stores() {
		this.store = this.fixtures.store("acme", null, "America/New_York").provisioned();
		this.other = this.fixtures.store("other", null, null).provisioned();
	}

	private static String order(String number, String consent) {
		return """
				{"orderNumber":"%s","placedAt":"2026-11-20T09:30:00-05:00",
				 "customer":{"name":"Ana Lima","email":"Ana@Example.com","phone":"+1 555 010 0000","locale":"pt-BR"%s},
				 "destination":{"postalCode":"38103","city":"Memphis","region":"TN","country":"US"},
				 "promisedBy":"2026-11-27",
				 "items":[{"sku":"LAMP-1","name":"Desk lamp","quantity":2}]}""".formatted(number, consent);
	}

	private void createOrder(String number) throws Exception {
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(order(number, "")))
			.andExpect(status().isCreated());
	}

	private UUID addShipment(String number, String trackingNumber) throws Exception {
		String location = this.mvc
			.perform(as(this.store, post("/api/v1/orders/" + number + "/shipments"))
				.content("{\"trackingNumber\":\"" + trackingNumber + "\",\"carrier\":\"ups\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private void scan(UUID shipmentId, String code, String text, String payload, Instant at) {
		this.shipments.ingest(shipmentId, CarrierUpdate.of(List.of(new RawScan(code, text, payload, at, null, null,
				new ScanLocation("Memphis", "TN", "38103", "US"), null)), null), TransitionCause.POLL);
	}

	private UUID orderId(String number) {
		return this.orders.get(this.store.store().getId(), number).getId();
	}

	private int count(String sql, Object... args) {
		Integer n = this.jdbc.queryForObject(sql, Integer.class, args);
		return (n != null) ? n : 0;
	}

	private RequestPostProcessor freshClient() {
		String address = "10.99." + (this.client / 250) + "." + (1 + this.client++ % 250);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MvcResult lookup(String number, String contact) throws Exception {
		return this.mvc
			.perform(post("/t/" + this.store.store().getSlug()).with(csrf())
				.with(freshClient())
				.param("orderNumber", number)
				.param("contact", contact))
			.andReturn();
	}

	private String page(String number) throws Exception {
		MvcResult granted = lookup(number, "38103");
		assertThat(granted.getResponse().getStatus()).isEqualTo(303);
		Cookie grant = granted.getResponse().getCookie("beacon_order");
		return this.mvc
			.perform(get("/t/" + this.store.store().getSlug() + "/orders/" + number).cookie(grant).with(freshClient()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String headline(String html) {
		Matcher m = HEADLINE.matcher(html);
		assertThat(m.find()).as("the page has a headline").isTrue();
		return m.group(1);
	}

	private static List<String> cards(String html) {
		List<String> ids = new ArrayList<>();
		Matcher m = CARD.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	@Test
	void patchChangesOnlyWhatIsGivenAndRecordsSmsConsentWithSourceAndTime() throws Exception {
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(order("P-100", ",\"smsConsent\":true")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customer.smsConsent").value(true))
			.andExpect(jsonPath("$.customer.smsConsentRecorded.source").value("api"))
			.andExpect(jsonPath("$.customer.smsConsentRecorded.at").value(notNullValue()));
		assertThat(this.notifications.hasSmsConsent(this.store.store().getId(), "+15550100000")).isTrue();

		this.mvc.perform(as(this.store, patch("/api/v1/orders/P-100")).content("""
				{"customer":{"name":"Ana Souza","email":"Ana.Souza@Example.com","locale":"","smsConsent":false},
				 "destination":{"city":"Nashville","postalCode":"37201"},"promisedBy":"2026-12-01"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.orderNumber").value("P-100"))
			.andExpect(jsonPath("$.status").value("ORDERED"))
			.andExpect(jsonPath("$.customer.name").value("Ana Souza"))
			.andExpect(jsonPath("$.customer.email").value("ana.souza@example.com"))
			.andExpect(jsonPath("$.customer.phone").value("+1 555 010 0000"))
			.andExpect(jsonPath("$.customer.locale").value(nullValue()))
			.andExpect(jsonPath("$.customer.smsConsent").value(false))
			.andExpect(jsonPath("$.customer.smsConsentRecorded.source").value("api"))
			.andExpect(jsonPath("$.destination.postalCode").value("37201"))
			.andExpect(jsonPath("$.destination.city").value("Nashville"))
			.andExpect(jsonPath("$.destination.region").value("TN"))
			.andExpect(jsonPath("$.destination.country").value("US"))
			.andExpect(jsonPath("$.promisedBy").value("2026-12-01"))
			.andExpect(jsonPath("$.cancelledAt").value(nullValue()))
			.andExpect(jsonPath("$.items[0].name").value("Desk lamp"));
		assertThat(this.notifications.hasSmsConsent(this.store.store().getId(), "+15550100000")).isFalse();
		this.mvc.perform(as(this.store, get("/api/v1/orders/P-100")))
			.andExpect(jsonPath("$.customer.name").value("Ana Souza"))
			.andExpect(jsonPath("$.promisedBy").value("2026-12-01"));
	}

	@Test
	void onlyCancellationIsAStatusChangeAndBadInputChangesNothing() throws Exception {
		createOrder("P-200");
		this.mvc.perform(as(this.store, patch("/api/v1/orders/P-200")).content("{\"status\":\"DELIVERED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc
			.perform(as(this.store, patch("/api/v1/orders/P-200"))
				.content("{\"customer\":{\"email\":\"not-an-email\"},\"status\":\"CANCELLED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customer.email"));
		this.mvc.perform(as(this.store, get("/api/v1/orders/P-200")))
			.andExpect(jsonPath("$.status").value("ORDERED"))
			.andExpect(jsonPath("$.customer.email").value("ana@example.com"));
		this.mvc.perform(as(this.other, patch("/api/v1/orders/P-200")).content("{\"status\":\"CANCELLED\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, patch("/api/v1/orders/NOPE")).content("{\"status\":\"CANCELLED\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCancelledOrderStopsPollingSendsNothingMoreAndItsPageSaysSo() throws Exception {
		createOrder("C-300");
		UUID shipment = addShipment("C-300", UPS_NUMBER);
		scan(shipment, "038", "Picked up", "{}", Instant.parse("2026-11-21T10:00:00Z"));
		UUID orderId = orderId("C-300");
		assertThat(count("select count(*) from notify_messages where order_id = ? and trigger = 'SHIPPED' "
				+ "and status = 'PENDING'", orderId))
			.isEqualTo(1);

		this.mvc.perform(as(this.store, patch("/api/v1/orders/C-300")).content("{\"status\":\"CANCELLED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancelledAt").value(notNullValue()))
			.andExpect(jsonPath("$.shipments", hasSize(1)));

		assertThat(this.jdbc.queryForObject("select next_poll_at from shipments where id = ?", Instant.class, shipment))
			.isNull();
		assertThat(this.jdbc.queryForList(
				"select status || ' ' || status_reason from notify_messages where order_id = ? and trigger = 'SHIPPED'",
				String.class, orderId))
			.containsExactly("SUPPRESSED not sent: the order was cancelled");
		assertThat(count("select count(*) from notify_messages where order_id = ? and trigger = 'ORDER_CANCELLED'",
				orderId))
			.as("order_cancelled is off by default")
			.isZero();

		int messages = count("select count(*) from notify_messages where order_id = ?", orderId);
		scan(shipment, "006", "Out for delivery", "{}", Instant.parse("2026-11-23T08:00:00Z"));
		assertThat(count("select count(*) from notify_messages where order_id = ?", orderId)).isEqualTo(messages);
		assertThat(this.jdbc.queryForObject("select next_poll_at from shipments where id = ?", Instant.class, shipment))
			.isNull();
		assertThat(this.orders.get(this.store.store().getId(), "C-300").getStatus()).isEqualTo(OrderStatus.CANCELLED);

		assertThat(headline(page("C-300"))).isEqualTo("Order cancelled");
	}

	@Test
	void storesThatSwitchItOnTellTheShopperAboutACancellationFromAnIntegration() throws Exception {
		UUID storeId = this.store.store().getId();
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(Trigger.class);
		channels.put(Trigger.ORDER_CANCELLED, Set.of(Channel.EMAIL));
		this.notifications.updateSettings(storeId,
				new NotificationSettings(null, null, null, null, channels, Map.of()));
		createOrder("C-400");

		Order cancelled = this.orders.cancel(storeId, "C-400", "shopify");
		this.orders.cancel(storeId, "C-400", "shopify");

		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(
				this.jdbc.queryForList(
						"select channel || ' ' || recipient from notify_messages "
								+ "where order_id = ? and trigger = 'ORDER_CANCELLED'",
						String.class, cancelled.getId()))
			.containsExactly("EMAIL ana@example.com");
	}

	@Test
	void aShipmentAddedByMistakeIsRemovedSilentlyAndTheOrderIsDerivedAgain() throws Exception {
		this.mvc.perform(as(this.store, post("/api/v1/webhooks"))
			.content("{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"order.status_changed\","
					+ "\"shipment.status_changed\"]}"))
			.andExpect(status().isCreated());
		createOrder("R-500");
		UUID good = addShipment("R-500", UPS_NUMBER);
		UUID wrong = addShipment("R-500", WRONG_NUMBER);
		scan(good, "011", "Delivered", "{}", Instant.parse("2026-11-22T15:00:00Z"));
		scan(wrong, "038", "Picked up", "{}", Instant.parse("2026-11-21T10:00:00Z"));
		UUID orderId = orderId("R-500");
		this.mvc.perform(as(this.store, get("/api/v1/orders/R-500")))
			.andExpect(jsonPath("$.status").value("PARTIALLY_DELIVERED"));
		int webhooks = count("select count(*) from webhook_deliveries where store_id = ?", this.store.store().getId());
		int messages = count("select count(*) from notify_messages where order_id = ?", orderId);

		this.mvc.perform(as(this.other, delete("/api/v1/shipments/" + wrong))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, delete("/api/v1/shipments/" + wrong))).andExpect(status().isNoContent());
		this.mvc.perform(as(this.store, delete("/api/v1/shipments/" + wrong))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, delete("/api/v1/shipments/" + UUID.randomUUID())))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, get("/api/v1/shipments/" + wrong))).andExpect(status().isNotFound());

		this.mvc.perform(as(this.store, get("/api/v1/orders/R-500")))
			.andExpect(jsonPath("$.status").value("DELIVERED"))
			.andExpect(jsonPath("$.shipments", hasSize(1)))
			.andExpect(jsonPath("$.shipments[0].id").value(good.toString()));
		assertThat(count("select count(*) from webhook_deliveries where store_id = ?", this.store.store().getId()))
			.as("no webhook for the removal")
			.isEqualTo(webhooks);
		assertThat(count("select count(*) from notify_messages where order_id = ?", orderId))
			.as("no message for the removal")
			.isEqualTo(messages);
		assertThat(count("select count(*) from notify_messages where shipment_id = ? and status = 'PENDING'", wrong))
			.isZero();
		assertThat(this.jdbc.queryForObject("select next_poll_at from shipments where id = ?", Instant.class, wrong))
			.isNull();
		assertThat(this.shipments.byTrackingNumber(this.store.store().getId(), WRONG_NUMBER)).isEmpty();
		assertThat(cards(page("R-500"))).containsExactly(good.toString());

		UUID again = addShipment("R-500", WRONG_NUMBER);
		assertThat(again).isNotEqualTo(wrong);
	}

	@Test
	void erasingPersonalDataKeepsTheOrderItsScansAndStatisticsAndLocksTheOldEmailOut() throws Exception {
		UUID storeId = this.store.store().getId();
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "erase-" + storeId)
				.content(order("E-600", ",\"smsConsent\":true")))
			.andExpect(status().isCreated());
		UUID shipment = addShipment("E-600", UPS_NUMBER);
		scan(shipment, "038", "Picked up",
				"{\"shipTo\":{\"name\":\"Ana Lima\",\"street\":\"12 Elm St\",\"phone\":\"+15550100000\"}}",
				Instant.parse("2026-11-21T10:00:00Z"));
		UUID orderId = orderId("E-600");
		this.support.raise(storeId, orderId, null, HelpTopic.WHERE_IS_IT, "Ana Lima here, call me at +1 555 010 0000",
				"ana@example.com", "page");
		int messages = count("select count(*) from notify_messages where order_id = ?", orderId);
		assertThat(messages).isGreaterThanOrEqualTo(2);
		assertThat(lookup("E-600", "ana@example.com").getResponse().getStatus()).isEqualTo(303);

		this.mvc.perform(as(this.other, delete("/api/v1/orders/E-600/personal-data"))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, delete("/api/v1/orders/E-600/personal-data")))
			.andExpect(status().isNoContent());
		this.mvc.perform(as(this.store, delete("/api/v1/orders/E-600/personal-data")))
			.andExpect(status().isNoContent());

		this.mvc.perform(as(this.store, get("/api/v1/orders/E-600")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PICKED_UP"))
			.andExpect(jsonPath("$.customer.name").value(nullValue()))
			.andExpect(jsonPath("$.customer.email").value(nullValue()))
			.andExpect(jsonPath("$.customer.phone").value(nullValue()))
			.andExpect(jsonPath("$.customer.smsConsent").value(nullValue()))
			.andExpect(jsonPath("$.customer.locale").value("pt-BR"))
			.andExpect(jsonPath("$.destination.postalCode").value("38103"))
			.andExpect(jsonPath("$.personalDataErasedAt").value(notNullValue()))
			.andExpect(jsonPath("$.shipments[0].events", hasSize(1)))
			.andExpect(jsonPath("$.shipments[0].events[0].rawCode").value("038"));
		assertThat(this.jdbc.queryForList("select raw_payload from tracking_events where shipment_id = ?", String.class,
				shipment))
			.containsExactly("{}");
		assertThat(this.jdbc.queryForList("select distinct recipient || '|' || body_text || '|' "
				+ "|| coalesce(subject, '-') || '|' || coalesce(body_html, '-') from notify_messages where order_id = ?",
				String.class, orderId))
			.containsExactly("[erased]|[erased]|-|-");
		assertThat(count("select count(*) from notify_messages where order_id = ?", orderId)).isEqualTo(messages);
		assertThat(this.jdbc.queryForList("select topic || '|' || message || '|' || coalesce(contact_email, '-') "
				+ "from help_requests where order_id = ?", String.class, orderId))
			.containsExactly("WHERE_IS_IT|[erased]|-");
		assertThat(count("select count(*) from api_idempotency_keys where store_id = ?", storeId)).isZero();

		MvcResult oldEmail = lookup("E-600", "ana@example.com");
		MvcResult wrongEmail = lookup("E-600", "eve@example.com");
		assertThat(oldEmail.getResponse().getStatus()).isEqualTo(wrongEmail.getResponse().getStatus()).isEqualTo(200);
		assertThat(oldEmail.getResponse().getCookie("beacon_order")).isNull();
		assertThat(normalize(oldEmail.getResponse().getContentAsString()))
			.isEqualTo(normalize(wrongEmail.getResponse().getContentAsString()));

		this.mvc.perform(as(this.store, delete("/api/v1/orders/NOPE/personal-data"))).andExpect(status().isNotFound());
	}

	/** Drops what differs by design between two renderings: nonce and CSRF token. */
	private static String normalize(String html) {
		return html.replaceAll("nonce=\"[^\"]+\"", "").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
