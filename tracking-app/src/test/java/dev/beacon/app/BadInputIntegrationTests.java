package dev.beacon.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to every module's HTTP endpoints, in the assembled application over real
 * HTTP: always a problem+json 4xx (or the tracking page's branded error page), never a
 * 500, whichever module's controller is hit.
 */
@BeaconIntegrationTest
class BadInputIntegrationTests {

	static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	StoreManagement stores;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	ProvisionedStore store;

	RawHttp http;

	@BeforeEach
	void store() {
		this.store = this.fixtures.store("bad", null, null).provisioned();
		this.http = new RawHttp(this.port);
	}

	private String auth() {
		return "Authorization: Bearer " + this.store.apiKey();
	}

	private JsonNode problem(RawHttp.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("status").asInt()).isEqualTo(status);
		return body;
	}

	@Test
	void everyAdminEndpointAnswersBadInputWithProblemJson() throws Exception {
		problem(this.http.get("/api/v1/promise?destinationCountry=USA", auth()), 400);
		problem(this.http.get("/api/v1/promise?orderedAt=yesterday", auth()), 400);
		problem(this.http.get("/api/v1/promise?carrier=%3Cscript%3E", auth()), 400);
		problem(this.http.get("/api/v1/reports/delivery-performance?from=x", auth()), 400);
		problem(this.http.get("/api/v1/reports/delivery-performance?groupBy=nonsense", auth()), 400);
		problem(this.http.post("/api/v1/imports/shipments", "not,the,header\n1,2,3\n".getBytes(StandardCharsets.UTF_8),
				false, auth(), "Content-Type: text/csv"), 400);
		problem(this.http.post("/api/v1/imports/shipments", new byte[0], false, auth(), "Content-Type: text/csv"), 400);
		problem(this.http.get("/api/v1/imports/" + UUID.randomUUID(), auth()), 404);
		problem(this.http.get("/api/v1/imports/not-a-uuid", auth()), 400);
	}

	@Test
	void theWebApiAnswersMalformedRequestsWithProblemJson() throws Exception {
		problem(this.http.get("/api/v1/orders?cursor=%", auth()), 400);
		problem(this.http.get("/api/v1/orders?cursor=%ff%fe", auth()), 400);
		problem(this.http.get("/api/v1/orders?limit=%zz", auth()), 400);
		problem(this.http.post("/api/v1/orders/1001/shipments", new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xfa },
				false, auth(), "Content-Type: application/json"), 400);
		problem(this.http.post("/api/v1/orders", "{\"orderNumber\":".getBytes(StandardCharsets.UTF_8), false, auth(),
				"Content-Type: application/json"), 400);
	}

	@Test
	void aNumberWhereATimeIsDueIsRejectedNamingTheField() throws Exception {
		String body = """
				{"orderNumber":"T-1","placedAt":12345,
				 "customer":{"name":"Ana Lima","email":"ana@example.com"},
				 "destination":{"postalCode":"38103","city":"Memphis","region":"TN","country":"US"},
				 "items":[{"name":"Lamp","quantity":1}]}""";
		JsonNode p = problem(this.http.post("/api/v1/orders", body.getBytes(StandardCharsets.UTF_8), false, auth(),
				"Content-Type: application/json"), 400);
		assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("placedAt");
		String number = body.replace("\"placedAt\":12345", "\"placedAt\":\"2026-11-20T09:30:00Z\"")
			.replace("\"orderNumber\":\"T-1\"", "\"orderNumber\":1001");
		JsonNode q = problem(this.http.post("/api/v1/orders", number.getBytes(StandardCharsets.UTF_8), false, auth(),
				"Content-Type: application/json"), 400);
		assertThat(q.get("errors").get(0).get("field").asString()).isEqualTo("orderNumber");
	}

	/**
	 * Errors no controller's problem handler sees (no route, wrong method, wrong media
	 * type) end up in {@code /error}: problem+json too under /api and /webhooks.
	 */
	@Test
	void unknownRoutesWrongMethodsAndMediaTypesAreProblemJson() throws Exception {
		JsonNode notFound = problem(this.http.get("/api/v1/nonsense", auth()), 404);
		assertThat(notFound.get("title").asString()).isEqualTo("Not Found");
		assertThat(notFound.get("detail").asString()).isEqualTo("there is no GET /api/v1/nonsense");
		JsonNode browser = problem(this.http.get("/api/v1/nonsense", auth(), "Accept: text/html"), 404);
		assertThat(browser.get("detail").asString()).isEqualTo("there is no GET /api/v1/nonsense");
		RawHttp.Response delete = this.http.request("DELETE", "/api/v1/orders", null, auth());
		JsonNode wrongMethod = problem(delete, 405);
		assertThat(wrongMethod.get("title").asString()).isEqualTo("Method Not Allowed");
		assertThat(wrongMethod.get("detail").asString()).isEqualTo("Method 'DELETE' is not supported.");
		JsonNode mediaType = problem(this.http.post("/api/v1/imports/tracking-numbers",
				"{}".getBytes(StandardCharsets.UTF_8), false, auth(), "Content-Type: application/json"), 415);
		assertThat(mediaType.get("title").asString()).isEqualTo("Unsupported Media Type");
		assertThat(mediaType.get("detail").asString()).isNotBlank();
		problem(this.http.get("/webhooks/carriers/shopify"), 405);
		// the tracking page keeps its HTML
		RawHttp.Response page = this.http.get("/t/" + this.store.store().getSlug() + "/no/such/page");
		assertThat(page.header("Content-Type")).startsWith("text/html");
	}

	/** An unreadable body names the field in every module, not only the orders API. */
	@Test
	void anUnreadableBodyNamesTheFieldInEveryModule() throws Exception {
		JsonNode p = problem(this.http.request("PUT", "/api/v1/integrations/shopify",
				"{\"shopDomain\":\"a.myshopify.com\",\"backfillDays\":\"abc\"}".getBytes(StandardCharsets.UTF_8),
				auth(), "Content-Type: application/json"), 400);
		assertThat(p.get("title").asString()).isEqualTo("Invalid request");
		assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("backfillDays");
		JsonNode woo = problem(this.http.request("PUT", "/api/v1/integrations/woocommerce",
				"{\"backfillDays\":[1]}".getBytes(StandardCharsets.UTF_8), auth(), "Content-Type: application/json"),
				400);
		assertThat(woo.get("errors").get(0).get("field").asString()).isEqualTo("backfillDays");
	}

	@Test
	void inboundWebhooksAnswerBadInputWithProblemJson() throws Exception {
		problem(this.http.post("/webhooks/carriers/easypost/no-such-store", "{}".getBytes(StandardCharsets.UTF_8),
				false, "Content-Type: application/json"), 401);
		problem(this.http.post("/webhooks/carriers/shopify", "{}".getBytes(StandardCharsets.UTF_8), false,
				"Content-Type: application/json", "X-Shopify-Shop-Domain: %ff%fe"), 401);
	}

	@Test
	void bodiesOverOneMibAreRefusedBeforeAnythingElseIsLookedAt() throws Exception {
		byte[] big = new byte[MIB + 1];
		Arrays.fill(big, (byte) ' ');
		for (boolean chunked : new boolean[] { false, true }) {
			// unknown store, no signature: still 413, the body is never read in full
			problem(this.http.post("/webhooks/carriers/easypost/no-such-store", big, chunked,
					"Content-Type: application/json"), 413);
			problem(this.http.post("/webhooks/carriers/shopify", big, chunked, "Content-Type: application/json"), 413);
			// no API key: still 413
			problem(this.http.post("/api/v1/orders", big, chunked, "Content-Type: application/json"), 413);
			problem(this.http.post("/api/v1/orders", big, chunked, auth(), "Content-Type: application/json"), 413);
		}
		// exactly 1 MiB is read and judged on its merits
		byte[] limit = Arrays.copyOf(big, MIB);
		problem(this.http.post("/api/v1/orders", limit, true, auth(), "Content-Type: application/json"), 400);
	}

	@Test
	void theTrackingPageAnswersBrokenQueriesWithItsBrandedErrorPage() throws Exception {
		String slug = this.store.store().getSlug();
		for (String target : new String[] { "/t/" + slug + "/track?number=%zz", "/t/" + slug + "/track?number=%",
				"/t/" + slug + "?order=%ff%fe", "/t/" + slug + "/orders/A-1?k=%zz" }) {
			RawHttp.Response page = this.http.get(target);
			assertThat(page.status()).as(target).isEqualTo(400);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		}
		// a form post with a broken query (and no CSRF token): the branded refusal, never
		// a 500
		RawHttp.Response post = this.http.post("/t/" + slug + "?lang=%zz",
				"orderNumber=A-1&contact=x".getBytes(StandardCharsets.UTF_8), false,
				"Content-Type: application/x-www-form-urlencoded");
		assertThat(post.status()).isIn(400, 403);
		assertThat(post.header("Content-Type")).startsWith("text/html");
	}

}
