package dev.beacon.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.NotifyTestApplication.MutableClock;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.RegisterShipment;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import dev.beacon.notify.consent.Consents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The one Spring context of this module's integration tests: real PostgreSQL, GreenMail
 * (real SMTP on a dynamic port) and WireMock standing in for Twilio, both started once
 * per JVM; the dispatcher never runs by itself (tests call it). Time is two clocks, as in
 * production: the app's {@link MutableClock} (business times: quiet hours, scans, news)
 * and the database's {@code now()} (the outbox's due times, leases, stale and sent
 * times), which tests cannot move; {@link #elapse} moves the first and makes this store's
 * outbox rows that much older, {@link #expireLeases} runs leases out.
 */
@SpringBootTest(properties = { "beacon.notify.dispatcher.enabled=false", "beacon.notify.hold-window=PT1M",
		"beacon.notify.max-per-shipment-per-day=4", "beacon.notify.dispatcher.max-attempts=3",
		"beacon.notify.dispatcher.batch=3", "beacon.notify.stalled.carriers.sandbox=P3D",
		"beacon.link-secret=test-secret-test-secret" })
@AutoConfigureMockMvc
abstract class NotifyTestSupport {

	static final String SID = "AC00000000000000000000000000000000";

	static final String TOKEN = "twilio-test-token";

	static final String FROM = "+15005550006";

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort());

	static {
		SMTP.start();
		TWILIO.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			SMTP.stop();
			TWILIO.stop();
		}));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("beacon.sms.twilio.account-sid", () -> SID);
		registry.add("beacon.sms.twilio.auth-token", () -> TOKEN);
		registry.add("beacon.sms.twilio.from", () -> FROM);
		registry.add("beacon.sms.twilio.base-url", () -> "http://127.0.0.1:" + TWILIO.port());
	}

	static final Instant DAY = Instant.parse("2026-03-03T15:00:00Z"); // 09:00 in Memphis

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	NotificationTriggers triggers;

	@Autowired
	ScheduledChecks checks;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	UUID storeId;

	String slug;

	@BeforeEach
	void storeAndTime() {
		this.clock.set(DAY);
		this.slug = TestStores.uniqueSlug("notify");
		this.storeId = this.stores.provision(new NewStore("Acme Outdoor", this.slug, "en", "America/Chicago"))
			.store()
			.getId();
		stubTwilioAccepts();
	}

	static void stubTwilioAccepts() {
		TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/" + SID + "/Messages.json")).atPriority(10)
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\","
						+ "\"to\":\"{{formData request.body 'form' urlDecode=true}}{{form.To}}\"}")
				.withTransformers("response-template")));
	}

	static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	static String uniquePhone() {
		return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
	}

	Order order(String number, String email, String phone, String locale) {
		return this.orders.place(this.storeId,
				new PlaceOrder(number, this.clock.instant(), new Customer("Ana Lima", email, phone, locale),
						new dev.beacon.order.Address("38103", "Memphis", "TN", "US"),
						new dev.beacon.order.Address("10001", "New York", "NY", "US"), LocalDate.of(2026, 3, 20),
						List.of(new OrderItem("SKU-1", "Trail lamp", 1)), false));
	}

	ShipmentView ship(String orderNumber) {
		String number = "SBX0" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
		return this.shipments.register(this.storeId, orderNumber, new RegisterShipment(number, "sandbox", null, null));
	}

	void scan(ShipmentView s, String code, String text) {
		scan(s, code, text, new ScanLocation("Memphis", "TN", null, "US"), null);
	}

	void scan(ShipmentView s, String code, String text, ScanLocation where, DeliveryWindow estimate) {
		RawScan raw = new RawScan(code, text, "{}", this.clock.instant(), null, null, where, null);
		this.shipments.ingest(s.id(), CarrierUpdate.of(List.of(raw), estimate), TransitionCause.POLL);
		this.clock.advance(Duration.ofSeconds(10));
	}

	/** Waits out the hold window and runs the dispatcher until nothing is due. */
	void deliver() {
		elapse(Duration.ofMinutes(2));
		while (this.dispatcher.runOnce() > 0) {
			// drain
		}
	}

	/**
	 * Time passes: the app's clock moves on by {@code span}, and this store's outbox rows
	 * are {@code span} older by the database's clock (created, due, stale, sent, called
	 * and lease times all move back by it), since the database's clock cannot be moved.
	 */
	void elapse(Duration span) {
		this.clock.advance(span);
		String back = " - make_interval(secs => " + span.toSeconds() + ")";
		this.jdbc.update("update notify_messages set created_at = created_at" + back
				+ ", next_attempt_at = next_attempt_at" + back + ", stale_after = stale_after" + back
				+ ", lease_expires_at = lease_expires_at" + back + ", sent_at = sent_at" + back
				+ ", provider_called_at = provider_called_at" + back + " where store_id = ?", this.storeId);
	}

	/** Every lease on this store's outbox has run out by the database's clock. */
	void expireLeases() {
		this.jdbc.update("update notify_messages set lease_expires_at = now() - interval '1 second' "
				+ "where store_id = ? and status = 'SENDING'", this.storeId);
	}

	/** The database's clock. */
	Instant databaseNow() {
		return this.jdbc.queryForObject("select now()", java.sql.Timestamp.class).toInstant();
	}

	/**
	 * A second dispatcher on the same database, as another instance would run it, with
	 * the given channels.
	 */
	Dispatcher dispatcherWith(List<ChannelSender> senders) {
		return new Dispatcher(this.context.getBean(MessageClaims.class), this.context.getBean(DeliveryChecks.class),
				this.context.getBean(MessageComposer.class), this.context.getBean(Consents.class), senders,
				this.context.getBean(NotifyProperties.class), this.context.getBean(NotifyMetrics.class),
				this.context.getBean(java.time.Clock.class),
				this.context.getBeanProvider(Dispatcher.DispatchHook.class));
	}

	List<MessageView> messages(Order order) {
		return this.notifications.forOrder(this.storeId, order.getId());
	}

	static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((m) -> {
			try {
				Address[] to = m.getAllRecipients();
				return to != null && to.length > 0 && to[0].toString().equalsIgnoreCase(email);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static List<LoggedRequest> smsTo(String phone) {
		return TWILIO.findAll(postRequestedFor(urlPathMatching(".*/Messages.json"))
			.withRequestBody(containing("To=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8))));
	}

	static String smsBody(LoggedRequest r) {
		for (String pair : r.getBodyAsString().split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv[0].equals("Body")) {
				return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	/** X-Twilio-Signature as Twilio computes it. */
	static String twilioSignature(String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static WireMock twilio() {
		return new WireMock(TWILIO.port());
	}

}
