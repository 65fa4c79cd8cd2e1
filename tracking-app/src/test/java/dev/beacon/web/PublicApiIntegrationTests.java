package dev.beacon.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.testing.StatementCounter;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.TestStores;

import static dev.beacon.TestKit.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every endpoint of the public API v1 against the whole application and PostgreSQL. */
@BeaconIntegrationTest
class PublicApiIntegrationTests {

	static final String UPS_NUMBER = "1Z999AA10123456784";

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	ProvisionedStore store;

	ProvisionedStore other;

	@BeforeEach
	void stores() {
		this.store = this.fixtures.store("acme", null, "America/New_York").provisioned();
		this.other = this.fixtures.store("other", null, null).provisioned();
	}

	static String order(String number) {
		return """
				{"orderNumber":"%s","placedAt":"2026-11-20T09:30:00-05:00",
				 "customer":{"name":"Ana Lima","email":"Ana@Example.com","phone":"+1 555 010 0000","locale":"pt-BR"},
				 "destination":{"postalCode":"38103","city":"Memphis","region":"TN","country":"US"},
				 "origin":{"postalCode":"10001","city":"New York","region":"NY","country":"us"},
				 "promisedBy":"2026-11-27",
				 "items":[{"sku":"LAMP-1","name":"Desk lamp","quantity":2}]}""".formatted(number);
	}

	private MvcResult createOrder(String number) throws Exception {
		return this.mvc.perform(as(this.store, post("/api/v1/orders")).content(order(number)))
			.andExpect(status().isCreated())
			.andReturn();
	}

	@Test
	void requestsWithoutAValidKeyAreRejectedWithProblemJson() throws Exception {
		this.mvc.perform(get("/api/v1/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		this.mvc.perform(get("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer bk_nope"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz"))
			.andExpect(status().isUnauthorized());
		UUID keyId = this.stores.keys(this.store.store().getId()).get(0).getId();
		this.stores.revokeKey(this.store.store().getId(), keyId);
		this.mvc.perform(as(this.store, get("/api/v1/orders"))).andExpect(status().isUnauthorized());
	}

	@Test
	void aKeyRevokedOnThisInstanceIsRefusedAtOnceThoughItWasJustAccepted() throws Exception {
		// the accepted call leaves the key in the instance's short-lived lookup copy
		this.mvc.perform(as(this.store, get("/api/v1/orders"))).andExpect(status().isOk());
		UUID keyId = this.stores.keys(this.store.store().getId()).get(0).getId();
		this.stores.revokeKey(this.store.store().getId(), keyId);
		this.mvc.perform(as(this.store, get("/api/v1/orders")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void createsAnOrderAndReadsItBack() throws Exception {
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(order("1001")))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/orders/1001"))
			.andExpect(jsonPath("$.id").value(notNullValue()))
			.andExpect(jsonPath("$.orderNumber").value("1001"))
			.andExpect(jsonPath("$.status").value("ORDERED"))
			.andExpect(jsonPath("$.trackingUrl")
				.value("https://track.example.test/t/" + this.store.store().getSlug() + "/orders/1001"));
		this.mvc.perform(as(this.store, get("/api/v1/orders/1001")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customer.email").value("ana@example.com"))
			.andExpect(jsonPath("$.destination.country").value("US"))
			.andExpect(jsonPath("$.origin.country").value("US"))
			.andExpect(jsonPath("$.placedAt").value("2026-11-20T14:30:00Z"))
			.andExpect(jsonPath("$.promisedBy").value("2026-11-27"))
			.andExpect(jsonPath("$.items[0].quantity").value(2))
			.andExpect(jsonPath("$.shipments", hasSize(0)));
	}

	@Test
	void invalidOrdersAreRejectedFieldByFieldAndChangeNothing() throws Exception {
		String bad = """
				{"orderNumber":"","placedAt":"2026-11-20T09:30:00",
				 "customer":{"email":"not-an-email","locale":"??"},
				 "destination":{"country":"USA"},
				 "items":[{"name":"","quantity":0}]}""";
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("placedAt")));
		String invalid = """
				{"orderNumber":"","placedAt":"2026-11-20T09:30:00Z",
				 "customer":{"email":"not-an-email","locale":"??"},
				 "destination":{"country":"USA"},
				 "items":[{"name":"","quantity":0}]}""";
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(invalid))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("orderNumber")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("customer.email")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("customer.locale")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("destination.country")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("items[0].name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("items[0].quantity")));
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).content(order("1001").replace("2026-11-27", "27/11/2026")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("promisedBy"));
		Integer count = this.jdbc.queryForObject("select count(*) from orders where store_id = ?", Integer.class,
				this.store.store().getId());
		assertThat(count).isZero();
	}

	@Test
	void aDuplicateOrderNumberWithoutKeyIsAConflict() throws Exception {
		createOrder("1001");
		this.mvc.perform(as(this.store, post("/api/v1/orders")).content(order("1001")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
		// another store may use the same number
		this.mvc.perform(as(this.other, post("/api/v1/orders")).content(order("1001"))).andExpect(status().isCreated());
	}

	@Test
	void idempotencyKeyReplaysRejectsReuseAndReportsInFlight() throws Exception {
		String first = this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-1").content(order("2001")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-1").content(order("2001")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/orders/2001"))
			.andExpect(content().json(first));
		this.mvc.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-1").content(order("2002")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		this.jdbc.update("insert into api_idempotency_keys (store_id, key, fingerprint, state, created_at) "
				+ "values (?, 'k-running', 'x', 'RUNNING', now())", this.store.store().getId());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-running")
				.content(order("2003")))
			.andExpect(status().isConflict());
		// the same key in another store is another key
		this.mvc.perform(as(this.other, post("/api/v1/orders")).header("Idempotency-Key", "k-1").content(order("2001")))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
		Integer count = this.jdbc.queryForObject(
				"select count(*) from orders where store_id = ? and order_number like '200%'", Integer.class,
				this.store.store().getId());
		assertThat(count).isEqualTo(1);
	}

	@Test
	void aKeyLeftRunningByACrashIsTakenOverAfterTheLease() throws Exception {
		this.jdbc.update(
				"insert into api_idempotency_keys (store_id, key, fingerprint, state, created_at) "
						+ "values (?, 'k-crashed', 'x', 'RUNNING', now() - interval '1 minute')",
				this.store.store().getId());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-crashed")
				.content(order("4004")))
			.andExpect(status().isCreated());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-crashed")
				.content(order("4004")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"));
	}

	@Test
	void aFailedRequestReleasesItsIdempotencyKey() throws Exception {
		createOrder("3001");
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-dup").content(order("3001")))
			.andExpect(status().isConflict());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders")).header("Idempotency-Key", "k-dup").content(order("3001")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Duplicate order"));
	}

	@Test
	void shipmentsAreAddedReadWithEventsNewestFirstAndCorrected() throws Exception {
		createOrder("4001");
		String location = this.mvc
			.perform(as(this.store, post("/api/v1/orders/4001/shipments"))
				.content("{\"trackingNumber\":\"1z 999 aa1 0123 4567 84\",\"carrier\":\"ups\",\"service\":\"Ground\","
						+ "\"shippedAt\":\"2026-11-21T08:00:00Z\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.trackingNumber").value(UPS_NUMBER))
			.andExpect(jsonPath("$.carrier").value("ups"))
			.andExpect(jsonPath("$.milestone").value("LABEL_CREATED"))
			.andExpect(jsonPath("$.estimatedDelivery.earliest").value(notNullValue()))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		Instant t = Instant.parse("2026-11-21T10:00:00Z");
		this.shipments.ingest(id,
				CarrierUpdate.of(List.of(
						new RawScan("OR", "Origin scan", "{}", t, null, null,
								new ScanLocation("Newark", "NJ", null, "US"), null),
						new RawScan("DP", "Departed from facility", "{}", t.plusSeconds(7200), null, null,
								new ScanLocation("Memphis", "TN", null, "US"), null)),
						null),
				TransitionCause.POLL);
		this.mvc.perform(as(this.store, get("/api/v1/shipments/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events", hasSize(2)))
			.andExpect(jsonPath("$.events[0].rawCode").value("DP"))
			.andExpect(jsonPath("$.events[0].occurredAt").value("2026-11-21T12:00:00Z"))
			.andExpect(jsonPath("$.events[0].description").value("Departed from facility"))
			.andExpect(jsonPath("$.events[0].location").value("Memphis, TN, US"))
			.andExpect(jsonPath("$.events[1].rawCode").value("OR"));
		this.mvc.perform(as(this.store, get("/api/v1/orders/4001")))
			.andExpect(jsonPath("$.shipments", hasSize(1)))
			.andExpect(jsonPath("$.shipments[0].events[0].rawCode").value("DP"));
		this.mvc.perform(as(this.store, post("/api/v1/shipments/" + id + "/refresh")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id.toString()));
		this.mvc.perform(as(this.store, patch("/api/v1/shipments/" + id)).content("{\"carrier\":\"fedex\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.carrier").value("fedex"));
		this.mvc.perform(as(this.store, patch("/api/v1/shipments/" + id)).content("{\"carrier\":\"pigeon\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
	}

	@Test
	void badShipmentsAreRejected() throws Exception {
		createOrder("5001");
		this.mvc.perform(as(this.store, post("/api/v1/orders/5001/shipments")).content("{\"trackingNumber\":\"12\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
		this.mvc
			.perform(as(this.store, post("/api/v1/orders/5001/shipments"))
				.content("{\"trackingNumber\":\"ZZZZZZZZZZZZ\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
		this.mvc
			.perform(as(this.store, post("/api/v1/orders/5001/shipments"))
				.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"owl\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
		this.mvc
			.perform(as(this.store, post("/api/v1/orders/nope/shipments"))
				.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"ups\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders/5001/shipments"))
				.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"ups\"}"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(as(this.store, post("/api/v1/orders/5001/shipments"))
				.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"ups\"}"))
			.andExpect(status().isConflict());
		Integer count = this.jdbc.queryForObject("select count(*) from shipments where store_id = ?", Integer.class,
				this.store.store().getId());
		assertThat(count).isEqualTo(1);
	}

	@Test
	void anotherStoresDataAnswers404() throws Exception {
		createOrder("6001");
		String location = this.mvc
			.perform(as(this.store, post("/api/v1/orders/6001/shipments"))
				.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"ups\"}"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		String id = location.substring(location.lastIndexOf('/') + 1);
		this.mvc.perform(as(this.other, get("/api/v1/orders/6001"))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.other, get("/api/v1/shipments/" + id))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.other, post("/api/v1/shipments/" + id + "/refresh"))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.other, patch("/api/v1/shipments/" + id)).content("{\"carrier\":\"ups\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(as(this.other, post("/api/v1/orders/6001/shipments"))
				.content("{\"trackingNumber\":\"1Z999AA10123456785\",\"carrier\":\"ups\"}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.store, get("/api/v1/shipments/not-a-uuid"))).andExpect(status().isNotFound());
		this.mvc.perform(as(this.other, get("/api/v1/orders"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void theStatusApiIsAFixedNumberOfIndexedLookupsWhateverTheShipmentCount() throws Exception {
		createOrder("8001");
		createOrder("8003");
		this.mvc.perform(as(this.store, post("/api/v1/orders/8001/shipments"))
			.content("{\"trackingNumber\":\"" + UPS_NUMBER + "\",\"carrier\":\"ups\"}"));
		for (String n : List.of("1Z999AA10123456785", "1Z999AA10123456786", "1Z999AA10123456787")) {
			this.mvc.perform(as(this.store, post("/api/v1/orders/8003/shipments"))
				.content("{\"trackingNumber\":\"" + n + "\",\"carrier\":\"ups\"}"));
		}
		long one = statementsFor("/api/v1/orders/8001");
		long three = statementsFor("/api/v1/orders/8003");
		// every statement of the request thread, JDBC and Hibernate alike: key + store
		// (the instance's copy dropped before each call, so both calls read them), the
		// order with its items, its shipments, their scans; none per shipment or per scan
		assertThat(one).isBetween(3L, 6L);
		assertThat(three).isEqualTo(one);
	}

	@Test
	void aKnownKeysStatusReadIsTwoStatements() throws Exception {
		createOrder("8005");
		for (String n : List.of("1Z999AA10123456785", "1Z999AA10123456786")) {
			this.mvc
				.perform(as(this.store, post("/api/v1/orders/8005/shipments"))
					.content("{\"trackingNumber\":\"" + n + "\",\"carrier\":\"ups\"}"))
				.andExpect(status().isCreated());
		}
		this.mvc.perform(as(this.store, get("/api/v1/orders/8005"))).andExpect(status().isOk());
		// the key and store are kept (StoreLookups): the order with its items, then the
		// shipments joined with their scans
		long statements = this.statements.count(() -> this.mvc.perform(as(this.store, get("/api/v1/orders/8005")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shipments", hasSize(2))));
		assertThat(statements).isEqualTo(2);
	}

	private long statementsFor(String path) throws Exception {
		Store current = this.store.store();
		this.stores.updateBrand(current.getId(), current.getName(), current.getBrand(),
				current.getDefaultLocale().toLanguageTag(), current.getTimeZone().getId(),
				current.getTargetReliability());
		return this.statements.count(() -> this.mvc.perform(as(this.store, get(path))).andExpect(status().isOk()));
	}

	@Test
	void ordersArePagedWithACursor() throws Exception {
		createOrder("7001");
		createOrder("7002");
		createOrder("7003");
		String cursor = com.jayway.jsonpath.JsonPath
			.read(this.mvc.perform(as(this.store, get("/api/v1/orders?limit=2")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items", hasSize(2)))
				.andExpect(jsonPath("$.items[0].orderNumber").value("7003"))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.nextCursor");
		this.mvc.perform(as(this.store, get("/api/v1/orders?limit=2&cursor=" + cursor)))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].orderNumber").value("7001"))
			.andExpect(jsonPath("$.nextCursor").value(nullValue()));
		this.mvc.perform(as(this.store, get("/api/v1/orders?cursor=garbage")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		this.mvc.perform(as(this.store, get("/api/v1/orders?limit=0"))).andExpect(status().isBadRequest());
	}

	@Test
	void detectsCarriersFromTheNumber() throws Exception {
		this.mvc
			.perform(as(this.store, get("/api/v1/carriers/detect").param("trackingNumber", "1Z 999 AA1 0123 4567 84")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates[0].carrier").value("ups"));
		this.mvc.perform(as(this.store, get("/api/v1/carriers/detect").param("trackingNumber", "")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void operatorsProvisionStoresWithTheOperatorKey() throws Exception {
		String slug = TestStores.uniqueSlug("prov");
		this.mvc
			.perform(post("/api/v1/stores").header(HttpHeaders.AUTHORIZATION, "Bearer test-operator-key-0123456789")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Prov\",\"slug\":\"" + slug
						+ "\",\"defaultLocale\":\"de\",\"timeZone\":\"Europe/Berlin\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value(slug))
			.andExpect(jsonPath("$.apiKey", containsString("bk_")));
		this.mvc
			.perform(post("/api/v1/stores").header(HttpHeaders.AUTHORIZATION, "Bearer test-operator-key-0123456789")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Prov\",\"slug\":\"" + slug + "\"}"))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/stores").header(HttpHeaders.AUTHORIZATION, "Bearer test-operator-key-0123456789")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Prov\",\"slug\":\"Not Valid\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("slug"));
		this.mvc
			.perform(post("/api/v1/stores").header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"X\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(as(this.store, post("/api/v1/stores")).content("{\"name\":\"X\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void docsHealthAndMetricsAreServed() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/orders']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/orders/{orderNumber}/shipments']").exists());
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		this.mvc.perform(get("/actuator/env")).andExpect(status().isForbidden());
	}

}
