package dev.beacon.notify;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
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
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.order.TrackingLinks;
import dev.beacon.store.Brand;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notification settings over the API and help that reaches the store, in the assembled
 * application on PostgreSQL (no demo mode).
 */
@BeaconIntegrationTest
class NotificationSettingsIntegrationTests {

	static final String DEFAULT_TRIGGERS = """
			"order_confirmed":{"email":true,"sms":false},"shipped":{"email":true,"sms":false},
			"in_transit_update":{"email":true,"sms":false},"arriving_tomorrow":{"email":true,"sms":false},
			"out_for_delivery":{"email":true,"sms":true},"delivered":{"email":true,"sms":true},
			"delivery_attempted":{"email":true,"sms":true},"available_for_pickup":{"email":true,"sms":true},
			"delayed":{"email":true,"sms":true},"exception":{"email":true,"sms":true},
			"stalled":{"email":true,"sms":false},"help_received":{"email":true,"sms":false},
			"order_cancelled":{"email":false,"sms":false}""";

	@Autowired
	NotificationManagement notifications;

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	TrackingLinks links;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsoleUserManagement users;

	ProvisionedStore store;

	@BeforeEach
	void store() {
		this.store = this.stores
			.provision(new NewStore("Acme", TestStores.uniqueSlug("acme"), null, "America/New_York"));
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.store.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

	private static String order(String number, String email) {
		return """
				{"orderNumber":"%s","placedAt":"2026-11-20T09:30:00-05:00",
				 "customer":{"name":"Ana Lima","email":"%s","locale":"en"},
				 "destination":{"postalCode":"38103","city":"Memphis","region":"TN","country":"US"},
				 "items":[{"sku":"LAMP-1","name":"Desk lamp","quantity":2}]}""".formatted(number, email);
	}

	private UUID createOrder(String number, String email) throws Exception {
		this.mvc.perform(as(post("/api/v1/orders")).content(order(number, email))).andExpect(status().isCreated());
		return this.jdbc.queryForObject("select id from orders where store_id = ? and order_number = ?", UUID.class,
				this.store.store().getId(), number);
	}

	/**
	 * The order's rows of this trigger, with the subject and text the console shows
	 * (rendered as they would go now: rows are rendered when they are sent).
	 */
	private List<Map<String, Object>> messages(UUID orderId, String trigger) {
		Map<UUID, MessageView> views = new java.util.HashMap<>();
		this.notifications.forOrder(this.store.store().getId(), orderId).forEach((v) -> views.put(v.id(), v));
		return this.jdbc
			.queryForList("select id, channel, recipient, next_attempt_at, created_at, status_reason "
					+ "from notify_messages where order_id = ? and trigger = ?", orderId, trigger)
			.stream()
			.map((row) -> {
				Map<String, Object> m = new java.util.HashMap<>(row);
				MessageView v = views.get((UUID) m.remove("id"));
				m.put("subject", v.subject());
				m.put("body_text", v.bodyText());
				return m;
			})
			.toList();
	}

	@Test
	void aNewStoreReadsItsEffectiveSettings() throws Exception {
		this.mvc.perform(as(get("/api/v1/notification-settings")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"sender":{"name":"Acme","email":"no-reply@beacon.invalid","replyTo":null},
					 "triggers":{%s},
					 "quietHours":{"start":"21:00","end":"08:00"},"maxPerShipmentPerDay":4}"""
				.formatted(DEFAULT_TRIGGERS), JsonCompareMode.STRICT));
	}

	@Test
	void aPatchChangesOnlyWhatItNamesAndAnswersTheWholeSettings() throws Exception {
		this.mvc.perform(as(patch("/api/v1/notification-settings")).content("""
				{"sender":{"name":"Acme Support","replyTo":"help@acme.example"},
				 "triggers":{"shipped":{"sms":true},"in_transit_update":{"email":false}},
				 "quietHours":{"start":"22:30"},"maxPerShipmentPerDay":2}"""))
			.andExpect(status().isOk())
			.andExpect(
					content().json(
							"""
									{"sender":{"name":"Acme Support","email":"no-reply@beacon.invalid","replyTo":"help@acme.example"},
									 "triggers":{%s},
									 "quietHours":{"start":"22:30","end":"08:00"},"maxPerShipmentPerDay":2}"""
								.formatted(DEFAULT_TRIGGERS
									.replace("\"shipped\":{\"email\":true,\"sms\":false}",
											"\"shipped\":{\"email\":true,\"sms\":true}")
									.replace("\"in_transit_update\":{\"email\":true,\"sms\":false}",
											"\"in_transit_update\":{\"email\":false,\"sms\":false}")),
							JsonCompareMode.STRICT));
		this.mvc.perform(as(get("/api/v1/notification-settings")))
			.andExpect(jsonPath("$.sender.name").value("Acme Support"))
			.andExpect(jsonPath("$.quietHours.start").value("22:30"))
			.andExpect(jsonPath("$.triggers.shipped.sms").value(true))
			.andExpect(jsonPath("$.maxPerShipmentPerDay").value(2));
	}

	@Test
	void unknownTriggersChannelsAndBadValuesAreA422NamingTheField() throws Exception {
		this.mvc
			.perform(as(patch("/api/v1/notification-settings")).content("{\"triggers\":{\"foo\":{\"email\":true}}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("triggers.foo"));
		this.mvc
			.perform(as(patch("/api/v1/notification-settings")).content("{\"triggers\":{\"shipped\":{\"fax\":true}}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("triggers.shipped.fax"));
		this.mvc.perform(as(patch("/api/v1/notification-settings")).content("{\"quietHours\":{\"end\":\"8 am\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("quietHours.end"));
		this.mvc.perform(as(patch("/api/v1/notification-settings")).content("{\"sender\":{\"email\":\"nope\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("sender.email"));
		// nothing changed
		this.mvc.perform(as(get("/api/v1/notification-settings")))
			.andExpect(jsonPath("$.sender.email").value("no-reply@beacon.invalid"))
			.andExpect(jsonPath("$.triggers.shipped.email").value(true));
	}

	@Test
	void aChangeAppliesToTheNextMessage() throws Exception {
		this.mvc
			.perform(as(patch("/api/v1/notification-settings"))
				.content("{\"triggers\":{\"order_confirmed\":{\"email\":false}}}"))
			.andExpect(status().isOk());
		UUID quiet = createOrder("S-1001", "ana@example.com");
		assertThat(messages(quiet, "ORDER_CONFIRMED")).isEmpty();
		this.mvc
			.perform(as(patch("/api/v1/notification-settings"))
				.content("{\"triggers\":{\"order_confirmed\":{\"email\":true}}}"))
			.andExpect(status().isOk());
		UUID told = createOrder("S-1002", "ana@example.com");
		List<Map<String, Object>> sent = messages(told, "ORDER_CONFIRMED");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0)).containsEntry("channel", "EMAIL").containsEntry("recipient", "ana@example.com");
	}

	@Test
	void aHelpRequestFromThePageReachesTheStoreAtOnceAndItsWebhooks() throws Exception {
		Brand brand = this.store.store().getBrand();
		this.stores.updateBrand(this.store.store().getId(), "Acme", new Brand(brand.logoUrl(), brand.primaryColor(),
				brand.accentColor(), "support@acme.example", null, null, null), null, "America/New_York", 95);
		this.mvc
			.perform(as(post("/api/v1/webhooks"))
				.content("{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"help_request.created\"]}"))
			.andExpect(status().isCreated());
		UUID orderId = createOrder("S-2001", "ana@example.com");
		String slug = this.store.store().getSlug();
		MvcResult granted = this.mvc
			.perform(get("/t/" + slug + "/orders/S-2001").param("k", this.links.token(slug, "S-2001")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Cookie[] cookies = granted.getResponse().getCookies();
		this.mvc
			.perform(post("/t/" + slug + "/orders/S-2001/help").cookie(cookies)
				.with(csrf())
				.param("topic", "DAMAGED")
				.param("message", "The lamp arrived with a cracked shade."))
			.andExpect(status().is3xxRedirection());

		List<Map<String, Object>> forwarded = messages(orderId, "HELP_FORWARDED");
		assertThat(forwarded).hasSize(1);
		Map<String, Object> mail = forwarded.get(0);
		assertThat(mail).containsEntry("channel", "EMAIL")
			.containsEntry("recipient", "support@acme.example")
			.containsEntry("subject", "Help request: order S-2001 (damaged)");
		// due at once: no coalescing hold
		assertThat(((Timestamp) mail.get("next_attempt_at")).toInstant())
			.isEqualTo(((Timestamp) mail.get("created_at")).toInstant());
		String body = (String) mail.get("body_text");
		assertThat(body.lines()).contains("> The lamp arrived with a cracked shade.",
				"Open the order in the console: https://track.example.test/console/orders/" + orderId);

		List<String> types = this.jdbc.queryForList("select event_type from webhook_deliveries where store_id = ?",
				String.class, this.store.store().getId());
		assertThat(types).containsExactly("help_request.created");

		// an agent replies from the console's order view
		UUID helpId = this.jdbc.queryForObject("select id from help_requests where order_id = ?", UUID.class, orderId);
		ConsoleUser agent = this.users.createUser(TestStores.uniqueSlug("agent"), "Sam Agent", "correct-horse-battery",
				Role.AGENT, Set.of(this.store.store().getId()));
		this.mvc
			.perform(post("/console/orders/" + orderId + "/help/" + helpId + "/reply")
				.with(user(ConsolePrincipal.of(agent)))
				.with(csrf())
				.param("text", "Sorry! A new shade is on its way."))
			.andExpect(status().is3xxRedirection());
		List<Map<String, Object>> replied = messages(orderId, "HELP_REPLIED");
		assertThat(replied).hasSize(1);
		assertThat(replied.get(0)).containsEntry("channel", "EMAIL")
			.containsEntry("recipient", "ana@example.com")
			.containsEntry("subject", "Re: your question about order S-2001");
		assertThat(((String) replied.get(0).get("body_text")).lines()).contains("> Sorry! A new shade is on its way.");
		assertThat(((Timestamp) replied.get(0).get("next_attempt_at")).toInstant())
			.isEqualTo(((Timestamp) replied.get(0).get("created_at")).toInstant());

		// the thread in the console
		String console = this.mvc.perform(get("/console/orders/" + orderId).with(user(ConsolePrincipal.of(agent))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID replyId = this.jdbc.queryForObject("select id from help_replies where help_request_id = ?", UUID.class,
				helpId);
		assertThat(element(console, "q", "reply-" + replyId)).isEqualTo("Sorry! A new shade is on its way.");

		// and "We replied by email" on the shopper's confirmation page
		Timestamp at = this.jdbc.queryForObject("select created_at from help_replies where help_request_id = ?",
				Timestamp.class, helpId);
		String page = this.mvc.perform(get("/t/" + slug + "/orders/S-2001/help/" + helpId).cookie(cookies))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(element(page, "p", "help-replied"))
			.isEqualTo("We replied by email on " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(Locale.ENGLISH)
				.format(at.toInstant().atZone(ZoneId.of("America/New_York"))) + ".");

		// replies are personal data: erased with the order's personal data
		this.mvc.perform(as(delete("/api/v1/orders/S-2001/personal-data"))).andExpect(status().isNoContent());
		assertThat(this.jdbc.queryForObject("select text from help_replies where id = ?", String.class, replyId))
			.isEqualTo("[erased]");
	}

	@Test
	void theConsolePageShowsSavesPreviewsAndTestsTheSameSettings() throws Exception {
		UUID storeId = this.store.store().getId();
		ConsoleUser admin = this.users.createUser(TestStores.uniqueSlug("admin") + "@acme.example", "Ada Admin",
				"correct-horse-battery", Role.ADMIN, Set.of(storeId));
		String page = this.mvc
			.perform(get("/console/admin/stores/" + storeId + "/notifications").param("kind", "delivered.neighbour")
				.param("lang", "de")
				.with(user(ConsolePrincipal.of(admin))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(element(page, "span", "preview-subject")).isEqualTo("Bestellung 1042 wurde beim Nachbarn abgegeben");

		this.mvc
			.perform(post("/console/admin/stores/" + storeId + "/notifications").with(user(ConsolePrincipal.of(admin)))
				.with(csrf())
				.param("fromName", "Acme Care")
				.param("email.shipped", "on")
				.param("sms.shipped", "on")
				.param("email.delivered", "on")
				.param("quietStart", "22:00")
				.param("quietEnd", "07:30")
				.param("maxPerShipmentPerDay", "3")
				.param("wording", "en:shipped.headline = On its way, {name}!"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(as(get("/api/v1/notification-settings")))
			.andExpect(jsonPath("$.sender.name").value("Acme Care"))
			.andExpect(jsonPath("$.triggers.shipped.sms").value(true))
			.andExpect(jsonPath("$.triggers.order_confirmed.email").value(false))
			.andExpect(jsonPath("$.triggers.delivered.sms").value(false))
			.andExpect(jsonPath("$.quietHours.start").value("22:00"))
			.andExpect(jsonPath("$.quietHours.end").value("07:30"))
			.andExpect(jsonPath("$.maxPerShipmentPerDay").value(3));
		String en = this.mvc
			.perform(get("/console/admin/stores/" + storeId + "/notifications").param("kind", "shipped")
				.param("lang", "en")
				.with(user(ConsolePrincipal.of(admin))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(element(en, "pre", "preview-text").lines()).contains("On its way, Alex!");

		this.mvc
			.perform(post("/console/admin/stores/" + storeId + "/notifications/test")
				.with(user(ConsolePrincipal.of(admin)))
				.with(csrf())
				.param("kind", "shipped")
				.param("lang", "en"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash",
					"Not sent: email is not configured on this instance (spring.mail.host)."));
	}

	@Test
	void aShopperOptsIntoTextsOnTheProvenOrderPageAndTheConsoleShowsIt() throws Exception {
		UUID orderId = createOrder("S-3001", "ana@example.com");
		String slug = this.store.store().getSlug();
		Cookie[] cookies = this.mvc
			.perform(get("/t/" + slug + "/orders/S-3001").param("k", this.links.token(slug, "S-3001")))
			.andReturn()
			.getResponse()
			.getCookies();
		// not E.164: nothing recorded
		this.mvc
			.perform(post("/t/" + slug + "/orders/S-3001/sms").cookie(cookies).with(csrf()).param("phone", "555-0100"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string(HttpHeaders.LOCATION, "/t/" + slug + "/orders/S-3001?sms=invalid#sms"));
		// without the CSRF token: refused
		this.mvc.perform(post("/t/" + slug + "/orders/S-3001/sms").cookie(cookies).param("phone", "+15550100001"))
			.andExpect(status().isForbidden());
		// without the order's grant: back to the lookup, nothing recorded
		this.mvc.perform(post("/t/" + slug + "/orders/S-3001/sms").with(csrf()).param("phone", "+15550100001"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select sms_consent from orders where id = ?", Boolean.class, orderId))
			.isNull();

		this.mvc
			.perform(post("/t/" + slug + "/orders/S-3001/sms").cookie(cookies)
				.with(csrf())
				.param("phone", "+1 555 010 0001"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string(HttpHeaders.LOCATION, "/t/" + slug + "/orders/S-3001?sms=on#sms"));
		Map<String, Object> row = this.jdbc.queryForMap(
				"select customer_phone, sms_consent, sms_consent_source, sms_consent_at from orders where id = ?",
				orderId);
		assertThat(row).containsEntry("customer_phone", "+15550100001")
			.containsEntry("sms_consent", true)
			.containsEntry("sms_consent_source", "page");
		assertThat(this.jdbc.queryForObject(
				"select consented from notify_sms_consent where store_id = ? and phone = '+15550100001'", Boolean.class,
				this.store.store().getId()))
			.isTrue();
		String page = this.mvc.perform(get("/t/" + slug + "/orders/S-3001").param("sms", "on").cookie(cookies))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(element(page, "p", "sms-on")).isEqualTo("We text updates about this order to •••• 0001.");

		ConsoleUser agent = this.users.createUser(TestStores.uniqueSlug("agent"), "Sam Agent", "correct-horse-battery",
				Role.AGENT, Set.of(this.store.store().getId()));
		String console = this.mvc.perform(get("/console/orders/" + orderId).with(user(ConsolePrincipal.of(agent))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(element(console, "p", "sms-consent")).startsWith("SMS: consented via page, ");
	}

	/** The text of the one element with this id (the page, not a substring of it). */
	private static String element(String html, String tag, String id) {
		Matcher m = Pattern.compile("<" + tag + "[^>]*\\bid=\"" + id + "\"[^>]*>([^<]*)</" + tag + ">").matcher(html);
		assertThat(m.find()).as("element #" + id).isTrue();
		String text = m.group(1);
		assertThat(m.find()).as("one element #" + id).isFalse();
		return HtmlUtils.htmlUnescape(text);
	}

}
