package dev.beacon.web.hooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.common.BackgroundLoops;
import dev.beacon.common.OutboundAddressPolicy;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.DeliveryWindowChanged;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentStatusChanged;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;

import static dev.beacon.TestKit.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outbound webhooks end to end: subscribe, status change, signed delivery, retries,
 * isolation.
 */
@BeaconIntegrationTest
class StoreWebhooksIntegrationTests {

	record Received(Map<String, String> headers, String body) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookSettings settings;

	@Autowired
	BackgroundLoops loops;

	@Autowired
	MeterRegistry meters;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger answer = new AtomicInteger(200);

	ProvisionedStore store;

	@BeforeEach
	void start() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(Map.of("id", exchange.getRequestHeaders().getFirst("Beacon-Event-Id"),
					"type", exchange.getRequestHeaders().getFirst("Beacon-Event-Type"), "signature",
					exchange.getRequestHeaders().getFirst("Beacon-Signature")), body));
			exchange.sendResponseHeaders(this.answer.get(), -1);
			exchange.close();
		});
		this.receiver.start();
		this.store = this.fixtures.store("hooks", null, null).provisioned();
		// deliveries of other tests' stores must not interfere
		this.jdbc.update("update webhook_deliveries set status = 'CANCELLED' where status = 'PENDING'");
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
	}

	private String url() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
	}

	private String subscribe(String events) throws Exception {
		String body = this.mvc
			.perform(as(this.store, post("/api/v1/webhooks")).content("{\"url\":\"" + url() + "\"" + events + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secret", startsWith("whsec_")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body;
	}

	private UUID shipmentWithScan() throws Exception {
		this.mvc
			.perform(as(this.store, post("/api/v1/orders"))
				.content("{\"orderNumber\":\"W-1\",\"placedAt\":\"2026-11-20T09:30:00Z\",\"customer\":{}}"))
			.andExpect(status().isCreated());
		String location = this.mvc
			.perform(as(this.store, post("/api/v1/orders/W-1/shipments"))
				.content("{\"trackingNumber\":\"1Z999AA10123456784\",\"carrier\":\"ups\"}"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		this.shipments
			.ingest(id,
					CarrierUpdate.of(List.of(new RawScan("D", "DELIVERED", "{}", Instant.parse("2026-11-21T15:00:00Z"),
							null, null, new ScanLocation("Memphis", "TN", null, "US"), null)), null),
					TransitionCause.POLL);
		return id;
	}

	@Test
	void statusChangesAreDeliveredSignedAndOnce() throws Exception {
		String secret = JsonPath.read(subscribe(",\"events\":[\"shipment.status_changed\"]"), "$.secret");
		UUID shipment = shipmentWithScan();
		assertThat(this.dispatcher.dispatch()).isEqualTo(1);
		assertThat(this.dispatcher.dispatch()).isZero();
		assertThat(this.received).singleElement().satisfies((r) -> {
			assertThat(r.headers().get("type")).isEqualTo("shipment.status_changed");
			String t = r.headers().get("signature").replaceAll("t=(\\d+),v1=.*", "$1");
			assertThat(r.headers().get("signature"))
				.endsWith("v1=" + WebhookDispatcher.sign(secret, t + "." + r.body()));
			assertThat((String) JsonPath.read(r.body(), "$.data.shipmentId")).isEqualTo(shipment.toString());
			assertThat((String) JsonPath.read(r.body(), "$.data.milestone")).isEqualTo("DELIVERED");
			assertThat((String) JsonPath.read(r.body(), "$.data.orderNumber")).isEqualTo("W-1");
			assertThat((String) JsonPath.read(r.body(), "$.id")).isEqualTo(r.headers().get("id"));
		});
	}

	@Test
	void deliveriesAreCountedByOutcomeAndTimed() throws Exception {
		subscribe(",\"events\":[\"shipment.status_changed\"]");
		double delivered = deliveries("delivered", "none");
		double failed = deliveries("retry", "http_5xx");
		long timed = this.meters.find("beacon.webhooks.delivery.duration")
			.tag("outcome", "delivered")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
		shipmentWithScan();
		assertThat(this.dispatcher.dispatch()).isEqualTo(1);
		assertThat(deliveries("delivered", "none")).isEqualTo(delivered + 1);
		assertThat(deliveries("retry", "http_5xx")).isEqualTo(failed);
		assertThat(this.meters.get("beacon.webhooks.delivery.duration").tag("outcome", "delivered").timer().count())
			.isEqualTo(timed + 1);
	}

	private double deliveries(String outcome, String reason) {
		Counter c = this.meters.find("beacon.webhooks.deliveries").tags("outcome", outcome, "reason", reason).counter();
		return (c != null) ? c.count() : 0;
	}

	@Test
	void registrationRefusesEverySpellingOfANonPublicAddress() {
		StoreWebhooks strict = new StoreWebhooks(this.namedJdbc, this.settings, OutboundAddressPolicy.of(false),
				java.time.Clock.systemUTC());
		UUID store = this.store.store().getId();
		for (String url : List.of("https://127.0.0.1/", "https://127.1/", "https://2130706433/", "https://0x7f000001/",
				"https://localhost:8443/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://10.0.0.12:9200/",
				"https://172.16.5.4/", "https://192.168.0.10/", "https://100.64.1.1/",
				"https://169.254.169.254/latest/meta-data", "https://[fe80::1]/", "https://[fd00:ec2::254]/",
				"https://224.0.0.1/", "https://0.0.0.0/", "http://169.254.169.254/")) {
			assertThatExceptionOfType(WebhookException.class).as(url)
				.isThrownBy(() -> strict.register(store, url, List.of()))
				.satisfies((ex) -> {
					assertThat(ex.field()).isEqualTo("url");
					assertThat(ex.unprocessable()).isTrue();
					assertThat(ex.getMessage()).isEqualTo("url points to a non-public address");
				});
		}
		// a public name that does not resolve yet is accepted and checked when called
		assertThat(strict.register(store, "https://hooks.beacon-test.invalid/in", List.of()).url())
			.isEqualTo("https://hooks.beacon-test.invalid/in");
		assertThatExceptionOfType(WebhookException.class)
			.isThrownBy(() -> strict.register(store, "https://user:pw@example.com/", List.of()))
			.satisfies((ex) -> assertThat(ex.unprocessable()).isFalse());
	}

	@Test
	void atConnectTimeTheAddressIsCheckedAgainAndOnlyACategoryIsStored() throws Exception {
		// registered while allowed (as a name that later resolves to a private address)
		String id = JsonPath.read(subscribe(""), "$.id");
		shipmentWithScan();
		WebhookDispatcher strict = new WebhookDispatcher(this.namedJdbc, this.settings, OutboundAddressPolicy.of(false),
				this.loops, java.time.Clock.systemUTC(),
				new org.springframework.beans.factory.support.StaticListableBeanFactory()
					.getBeanProvider(MeterRegistry.class));
		Integer queued = this.jdbc.queryForObject("select count(*) from webhook_deliveries where store_id = ?",
				Integer.class, this.store.store().getId());
		try {
			assertThat(strict.dispatch()).isEqualTo(queued).isGreaterThanOrEqualTo(2);
		}
		finally {
			strict.destroy();
		}
		assertThat(this.received).isEmpty();
		this.mvc.perform(as(this.store, get("/api/v1/webhooks/" + id + "/deliveries")))
			.andExpect(jsonPath("$", hasSize(queued)))
			.andExpect(jsonPath("$[*].lastError", everyItem(equalTo("connect_failed"))))
			.andExpect(jsonPath("$[*].lastStatus", everyItem(nullValue())))
			.andExpect(jsonPath("$[*].status", everyItem(equalTo("PENDING"))));
	}

	@Test
	void aStoreHasAtMostTenEndpoints() throws Exception {
		for (int i = 0; i < 10; i++) {
			subscribe("");
		}
		this.mvc.perform(as(this.store, post("/api/v1/webhooks")).content("{\"url\":\"" + url() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		this.mvc.perform(as(this.store, get("/api/v1/webhooks"))).andExpect(jsonPath("$", hasSize(10)));
	}

	@Test
	void aBlackholedEndpointNeitherBlocksTheDispatcherNorNotificationDispatch() throws Exception {
		try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new CopyOnWriteArrayList<>();
			CountDownLatch connected = new CountDownLatch(1);
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(blackhole.accept()); // accepts, never answers
						connected.countDown();
					}
				}
				catch (IOException ex) {
					// closed
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			String id = JsonPath.read(this.mvc
				.perform(as(this.store, post("/api/v1/webhooks"))
					.content("{\"url\":\"http://127.0.0.1:" + blackhole.getLocalPort() + "/hooks\"}"))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
			shipmentWithScan();
			List<Future<?>> inFlight = this.dispatcher.submitDue();
			assertThat(inFlight).isNotEmpty();
			assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(inFlight).noneMatch(Future::isDone); // hung on the blackhole
			// the lease outlives the worst-case attempt (cut off at twice the 10s
			// timeout),
			// so no other instance claims the delivery while it is being attempted
			assertThat(this.jdbc.queryForObject("""
					select bool_and(lease_until > now() + interval '20 seconds' and lease_token is not null)
					from webhook_deliveries where endpoint_id = ?::uuid and status = 'PENDING'""", Boolean.class, id))
				.isTrue();
			BackgroundLoops.Loop notify = this.loops.loops()
				.stream()
				.filter((l) -> l.name().equals("notify-dispatcher"))
				.findFirst()
				.orElseThrow();
			Instant before = Instant.now();
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> notify.lastSuccess() != null && notify.lastSuccess().isAfter(before));
			for (Future<?> f : inFlight) {
				f.get(60, TimeUnit.SECONDS); // the response timeout ends the attempt
			}
			this.mvc.perform(as(this.store, get("/api/v1/webhooks/" + id + "/deliveries")))
				.andExpect(jsonPath("$[*].lastError", everyItem(equalTo("timeout"))));
			for (Socket s : accepted) {
				s.close();
			}
		}
	}

	@Test
	void aReplayedStatusChangeSendsNoWebhookAndNoMessage() throws Exception {
		subscribe("");
		UUID shipment = shipmentWithScan();
		UUID storeId = this.store.store().getId();
		ShipmentView v = this.shipments.get(storeId, shipment);
		long hooks = count("webhook_deliveries", storeId);
		long messages = count("notify_messages", storeId);
		// what a normalization replay publishes when a new table reads old scans
		// otherwise
		this.tx.executeWithoutResult((status) -> {
			this.events.publishEvent(new ShipmentStatusChanged(storeId, v.orderId(), shipment, v.carrier(),
					v.trackingNumber(), Milestone.DELIVERED, Milestone.DELIVERY_ATTEMPTED, Health.ON_TRACK,
					Health.ACTION_REQUIRED, Reason.CONSIGNEE, "Attempted", null, null, null, TransitionCause.REPLAY,
					Instant.parse("2026-11-22T10:00:00Z"), this.store.store().getSlug(), "A-1"));
			this.events.publishEvent(new DeliveryWindowChanged(storeId, v.orderId(), shipment,
					new DeliveryWindow(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22)),
					new DeliveryWindow(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)), TransitionCause.REPLAY,
					v.carrier(), v.trackingNumber(), Milestone.DELIVERY_ATTEMPTED, "Attempted", null));
		});
		assertThat(count("webhook_deliveries", storeId)).isEqualTo(hooks);
		assertThat(count("notify_messages", storeId)).isEqualTo(messages);
	}

	private long count(String table, UUID storeId) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where store_id = ?", Long.class, storeId);
	}

	@Test
	void failedDeliveriesAreRetriedWithBackoffAndVisible() throws Exception {
		String id = JsonPath.read(subscribe(""), "$.id");
		this.answer.set(503);
		shipmentWithScan();
		int attempted = this.dispatcher.dispatch();
		assertThat(attempted).isGreaterThanOrEqualTo(2); // registered, order and shipment
															// status changes
		assertThat(this.dispatcher.dispatch()).isZero(); // backing off
		this.mvc.perform(as(this.store, get("/api/v1/webhooks/" + id + "/deliveries")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[0].lastStatus").value(503))
			.andExpect(jsonPath("$[0].attempts").value(1));
		this.answer.set(204);
		this.jdbc.update("update webhook_deliveries set next_attempt_at = now() where store_id = ?",
				this.store.store().getId());
		assertThat(this.dispatcher.dispatch()).isEqualTo(attempted);
		this.mvc.perform(as(this.store, get("/api/v1/webhooks/" + id + "/deliveries")))
			.andExpect(jsonPath("$[0].status").value("DELIVERED"));
		assertThat(this.received).hasSize(2 * attempted);
		assertThat(this.received.stream().map((r) -> r.headers().get("id")).distinct()).hasSize(attempted);
	}

	@Test
	void aFailingWebhookWriteNeverRollsBackTheStatusChange() throws Exception {
		subscribe("");
		String store = this.store.store().getId().toString();
		this.jdbc.execute("""
				create or replace function beacon_test_refuse_webhook() returns trigger as $$
				begin
				  if new.store_id::text = '%s' then raise exception 'webhook outbox unavailable'; end if;
				  return new;
				end $$ language plpgsql""".formatted(store));
		this.jdbc.execute("create trigger beacon_test_refuse before insert on webhook_deliveries "
				+ "for each row execute function beacon_test_refuse_webhook()");
		try {
			UUID shipment = shipmentWithScan();
			assertThat(this.shipments.get(this.store.store().getId(), shipment).milestone())
				.isEqualTo(dev.beacon.status.Milestone.DELIVERED);
			assertThat(this.jdbc.queryForObject("select count(*) from webhook_deliveries where store_id = ?::uuid",
					Integer.class, store))
				.isZero();
		}
		finally {
			this.jdbc.execute("drop trigger if exists beacon_test_refuse on webhook_deliveries");
		}
	}

	@Test
	void aFailingNotificationWriteNeverRollsBackTheStatusChangeEither() throws Exception {
		String store = this.store.store().getId().toString();
		this.jdbc.execute("""
				create or replace function beacon_test_refuse_message() returns trigger as $$
				begin
				  if new.store_id::text = '%s' then raise exception 'notification outbox unavailable'; end if;
				  return new;
				end $$ language plpgsql""".formatted(store));
		this.jdbc.execute("create trigger beacon_test_refuse_msg before insert on notify_messages "
				+ "for each row execute function beacon_test_refuse_message()");
		try {
			this.mvc.perform(as(this.store, post("/api/v1/orders"))
				.content("{\"orderNumber\":\"W-1\",\"placedAt\":\"2026-11-20T09:30:00Z\","
						+ "\"customer\":{\"email\":\"w@example.com\"}}"))
				.andExpect(status().isCreated());
			String location = this.mvc
				.perform(as(this.store, post("/api/v1/orders/W-1/shipments"))
					.content("{\"trackingNumber\":\"1Z999AA10123456784\",\"carrier\":\"ups\"}"))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getHeader(HttpHeaders.LOCATION);
			UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
			this.shipments.ingest(id,
					CarrierUpdate.of(List.of(new RawScan("D", "DELIVERED", "{}", Instant.parse("2026-11-21T15:00:00Z"),
							null, null, new ScanLocation("Memphis", "TN", null, "US"), null)), null),
					TransitionCause.POLL);
			assertThat(this.shipments.get(this.store.store().getId(), id).milestone())
				.isEqualTo(dev.beacon.status.Milestone.DELIVERED);
			assertThat(this.jdbc.queryForObject("select count(*) from notify_messages where store_id = ?::uuid",
					Integer.class, store))
				.isZero();
		}
		finally {
			this.jdbc.execute("drop trigger if exists beacon_test_refuse_msg on notify_messages");
		}
	}

	@Test
	void endpointsAreValidatedListedWithoutSecretAndIsolatedPerStore() throws Exception {
		String id = JsonPath.read(subscribe(""), "$.id");
		this.mvc.perform(as(this.store, post("/api/v1/webhooks")).content("{\"url\":\"ftp://example.com/x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
		this.mvc
			.perform(as(this.store, post("/api/v1/webhooks"))
				.content("{\"url\":\"" + url() + "\",\"events\":[\"order.exploded\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("events"));
		this.mvc.perform(as(this.store, get("/api/v1/webhooks")))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].secret").value(nullValue()));
		ProvisionedStore other = this.fixtures.store("hooks", null, null).provisioned();
		this.mvc.perform(as(other, get("/api/v1/webhooks"))).andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(as(other, get("/api/v1/webhooks/" + id + "/deliveries"))).andExpect(status().isNotFound());
		this.mvc.perform(as(other, delete("/api/v1/webhooks/" + id))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, delete("/api/v1/webhooks/" + id))).andExpect(status().isNoContent());
		shipmentWithScan();
		assertThat(this.dispatcher.dispatch()).isZero();
		assertThat(this.received).isEmpty();
	}

}
