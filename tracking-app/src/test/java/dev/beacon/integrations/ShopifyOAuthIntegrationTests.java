package dev.beacon.integrations;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.common.SecretsCipher;
import dev.beacon.common.SecretsKeyMissingException;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public app: install link with a state bound to the store, Shopify's signed
 * callback, the code exchanged for a token stored encrypted; and where the secrets key
 * comes from.
 */
@BeaconIntegrationTest
class ShopifyOAuthIntegrationTests {

	static final String GRAPHQL = "/shopify/admin/api/2025-07/graphql.json";

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	ProvisionedStore store;

	String shop;

	String code;

	String token;

	@BeforeEach
	void store() {
		this.store = this.stores.provision(new NewStore("Oauth Goods", TestStores.uniqueSlug("oauth"), null, null));
		this.shop = this.store.store().getSlug() + ".myshopify.com";
		this.code = "code-" + UUID.randomUUID();
		this.token = "shpat_oauth_" + UUID.randomUUID().toString().replace("-", "");
		PlatformStub.server()
			.stubFor(post(urlEqualTo("/shopify/admin/oauth/access_token")).withRequestBody(containing(this.code))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"" + this.token + "\",\"scope\":\"read_orders,read_customers\"}")));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("webhookSubscriptionCreate"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(PlatformStub.fixtureText("shopify/subscribe-ok.json"))));
		PlatformStub.server()
			.stubFor(post(urlEqualTo(GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo(this.token))
				.withRequestBody(containing("query Backfill"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"data\":{\"orders\":{\"pageInfo\":{\"hasNextPage\":false},\"nodes\":[]}}}")));
	}

	@Test
	void anInstallLinkLeadsToAnEncryptedTokenForThatStore() throws Exception {
		String installUrl = installLink();
		Map<String, String> params = UriComponentsBuilder.fromUriString(installUrl)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(installUrl).startsWith(PlatformStub.baseUrl() + "/shopify/admin/oauth/authorize?");
		assertThat(params).containsEntry("client_id", PlatformStub.CLIENT_ID)
			.containsEntry("scope", "read_orders%2Cread_fulfillments%2Cread_customers")
			.containsEntry("redirect_uri", "https%3A%2F%2Ftrack.example.test%2Fintegrations%2Fshopify%2Fcallback");
		String state = params.get("state");

		callback(state, PlatformStub.CLIENT_SECRET).andExpect(status().isOk());
		JsonNode view = awaitBackfill();
		assertThat(view.path("mode").asString()).isEqualTo("oauth");
		assertThat(view.path("account").asString()).isEqualTo(this.shop);
		assertThat(view.path("webhooks").path("status").asString()).isEqualTo("active");
		List<LoggedRequest> exchanges = PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo("/shopify/admin/oauth/access_token"))
				.withRequestBody(containing(this.code)));
		JsonNode exchange = this.json.readTree(exchanges.get(0).getBodyAsString());
		assertThat(exchange.path("client_id").asString()).isEqualTo(PlatformStub.CLIENT_ID);
		assertThat(exchange.path("client_secret").asString()).isEqualTo(PlatformStub.CLIENT_SECRET);
		String stored = this.jdbc.queryForObject(
				"select token from platform_connections where store_id = ? and platform = 'shopify'", String.class,
				this.store.store().getId());
		assertThat(stored).startsWith("v1:").doesNotContain(this.token);

		callback(state, PlatformStub.CLIENT_SECRET).andExpect(status().isBadRequest());
	}

	/**
	 * Two callbacks with one state at the same moment: the state is taken in one
	 * statement, so exactly one connects (one code exchange) and the other is told the
	 * link was used. The test holds the state's row until both callbacks wait for it,
	 * then lets them race.
	 */
	@Test
	void oneStateServesOneCallbackEvenWhenTwoArriveAtOnce() throws Exception {
		String state = UriComponentsBuilder.fromUriString(installLink()).build().getQueryParams().getFirst("state");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = new ArrayList<>();
		try (java.sql.Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("select state from shopify_oauth_states where state = ? for update")) {
				lock.setString(1, state);
				lock.executeQuery().close();
			}
			List<Future<Integer>> callbacks = List.of(
					pool.submit(
							() -> callback(state, PlatformStub.CLIENT_SECRET).andReturn().getResponse().getStatus()),
					pool.submit(
							() -> callback(state, PlatformStub.CLIENT_SECRET).andReturn().getResponse().getStatus()));
			for (int i = 0; i < 300 && waitingToTakeTheState() < 2; i++) {
				Thread.sleep(50);
			}
			assertThat(waitingToTakeTheState()).isEqualTo(2);
			holder.commit();
			for (Future<Integer> callback : callbacks) {
				statuses.add(callback.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 400);
		assertThat(PlatformStub.server()
			.findAll(postRequestedFor(urlEqualTo("/shopify/admin/oauth/access_token"))
				.withRequestBody(containing(this.code))))
			.hasSize(1);
		assertThat(awaitBackfill().path("mode").asString()).isEqualTo("oauth");
	}

	private int waitingToTakeTheState() {
		return this.jdbc.queryForObject("""
				select count(*) from pg_stat_activity where datname = current_database()
				  and wait_event_type = 'Lock' and query like '%delete from shopify_oauth_states where state%'""",
				Integer.class);
	}

	@Test
	void aCallbackNotSignedByShopifyConnectsNothing() throws Exception {
		String state = UriComponentsBuilder.fromUriString(installLink()).build().getQueryParams().getFirst("state");
		callback(state, "not-the-client-secret").andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForObject("select count(*) from platform_connections where store_id = ?",
				Integer.class, this.store.store().getId()))
			.isZero();
	}

	@Test
	void withoutTheSecretsKeyOutsideDemoModeCredentialsAreRefusedNamingTheProperty() {
		SecretsCipher strict = new SecretsCipher(this.jdbc, null, false, this.clock);
		assertThatThrownBy(strict::requireKey).isInstanceOfSatisfying(SecretsKeyMissingException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("set beacon.secrets.key to store credentials encrypted"));
		SecretsCipher demo = new SecretsCipher(this.jdbc, null, true, this.clock);
		String sealed = demo.encrypt("shpat_demo");
		assertThat(sealed).startsWith("v1:").doesNotContain("shpat_demo");
		assertThat(new SecretsCipher(this.jdbc, null, true, this.clock).decrypt(sealed)).isEqualTo("shpat_demo");
		assertThat(this.jdbc.queryForObject("select count(*) from platform_secret_keys", Integer.class)).isEqualTo(1);
	}

	private String installLink() throws Exception {
		String body = this.mvc
			.perform(as(MockMvcRequestBuilders.post("/api/v1/integrations/shopify/install-link"))
				.content("{\"shopDomain\":\"" + this.shop + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body).path("installUrl").asString();
	}

	private ResultActions callback(String state, String secret) throws Exception {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("code", this.code);
		query.put("host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvYWNtZQ");
		query.put("shop", this.shop);
		query.put("state", state);
		query.put("timestamp", Long.toString(this.clock.instant().getEpochSecond()));
		query.put("hmac", ShopifyTestSigning.queryHmac(secret, query));
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/integrations/shopify/callback");
		query.forEach((k, v) -> request.queryParam(k, v));
		return this.mvc.perform(request);
	}

	private JsonNode awaitBackfill() throws Exception {
		for (int i = 0; i < 300; i++) {
			JsonNode view = this.json
				.readTree(this.mvc.perform(as(MockMvcRequestBuilders.get("/api/v1/integrations/shopify")))
					.andReturn()
					.getResponse()
					.getContentAsString());
			String backfill = view.path("backfill").path("status").asString();
			String hooks = view.path("webhooks").path("status").asString();
			if ((backfill.equals("done") || backfill.equals("failed")) && !hooks.equals("pending")) {
				return view;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the backfill did not finish");
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.store.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

}
