package dev.beacon.carriers.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.http.SharedBudgets;
import dev.beacon.common.SecretsCipher;
import dev.beacon.integrations.PlatformStub;
import dev.beacon.shipment.CarrierPolling;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.store.StorePrincipal;
import dev.beacon.testing.Fixtures;
import dev.beacon.testing.Fixtures.StoreFixture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.beacon.TestKit.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Per-store carrier accounts over the assembled application, with UPS and DHL stubbed on
 * the one shared WireMock (the install has no carrier credentials of its own): a saved
 * account is stored encrypted and listed without secrets, the poller asks the carrier
 * with the store's credentials and spends the account's own budget, bad credentials make
 * "test connection" answer {@code auth_failed}, and without {@code beacon.secrets.key}
 * outside demo mode saving is a 409 naming the property.
 */
@BeaconIntegrationTest
class CarrierAccountsIntegrationTests {

	private static final String UPS_NUMBER_PREFIX = "1ZACCT";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CarrierPolling polling;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	List<CarrierAdapter> adapters;

	@Autowired
	SharedBudgets budgets;

	@Autowired
	CarrierAccounts accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	StoreFixture store;

	WireMockServer wiremock = PlatformStub.server();

	@BeforeEach
	void store() {
		this.store = this.fixtures.store("acct");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSavedAccountIsEncryptedListedWithoutSecretsAndPolledWithTheStoresCredentials() throws Exception {
		String clientId = "store-client-" + this.store.store().getSlug();
		String secret = "store-secret-0123456789";
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/UPS")).content("{\"clientId\":\""
					+ clientId + "\",\"clientSecret\":\"" + secret + "\",\"accountNumber\":\"A1B2C3\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.carrier").value("ups"))
			.andExpect(jsonPath("$.name").value("UPS"))
			.andExpect(jsonPath("$.configured").value(true))
			.andExpect(jsonPath("$.installWide").value(false))
			.andExpect(jsonPath("$.lastTestResult").doesNotExist())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));
		String stored = this.jdbc.queryForObject(
				"select credentials from carrier_accounts where store_id = ? and carrier = 'ups'", String.class,
				this.store.id());
		assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(clientId);

		this.mvc.perform(as(this.store.provisioned(), get("/api/v1/carrier-accounts")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].carrier")
				.value(org.hamcrest.Matchers.contains("ups", "fedex", "usps", "dhl", "canadapost")))
			.andExpect(jsonPath("$.items[0].configured").value(true))
			.andExpect(jsonPath("$.items[0].fields[*].name")
				.value(org.hamcrest.Matchers.contains("clientId", "clientSecret", "accountNumber")))
			.andExpect(jsonPath("$.items[0].fields[1].secret").value(true))
			.andExpect(jsonPath("$.items[3].configured").value(false))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(clientId))));

		String number = UPS_NUMBER_PREFIX + Math.abs(this.store.store().getSlug().hashCode());
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		this.wiremock
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/ups/security/v1/oauth/token"))
				.withHeader("Authorization", equalTo("Basic " + basic))
				.willReturn(okJson("{\"access_token\":\"token-" + clientId
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":\"14399\"}")));
		this.wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathEqualTo("/ups/api/track/v1/details/" + number))
			.withHeader("Authorization", equalTo("Bearer token-" + clientId))
			.willReturn(okJson(upsPickedUp(number, this.clock.instant().minusSeconds(3600)))));
		Fixtures.ShipmentFixture fixture = this.store.order("A-1")
			.shipment(number, "ups", "Ground", this.clock.instant().minusSeconds(7200));
		ShipmentView shipment = fixture.view();

		this.polling.pollNow(shipment.id());

		ShipmentView after = fixture.view();
		assertThat(after.lastPollOutcome()).isEqualTo(PollOutcome.OK);
		assertThat(after.milestone()).isEqualTo(Milestone.PICKED_UP);
		this.wiremock.verify(1, postRequestedFor(urlEqualTo("/ups/security/v1/oauth/token")).withHeader("Authorization",
				equalTo("Basic " + basic)));
		this.wiremock.verify(1, getRequestedFor(urlPathEqualTo("/ups/api/track/v1/details/" + number)));
		assertThat(this.jdbc.queryForObject("select coalesce(sum(used), 0) from carrier_quota_usage where name = ?",
				Integer.class, "ups@" + this.store.id()))
			.isEqualTo(1);

		this.mvc.perform(as(this.store.provisioned(), delete("/api/v1/carrier-accounts/ups")))
			.andExpect(status().isNoContent());
		this.mvc.perform(as(this.store.provisioned(), delete("/api/v1/carrier-accounts/ups")))
			.andExpect(status().isNotFound());
		this.polling.pollNow(shipment.id());
		assertThat(fixture.view().lastPollOutcome()).isEqualTo(PollOutcome.NOT_CONFIGURED);
	}

	@Test
	void badCredentialsMakeTestConnectionAnswerAuthFailedAndGoodOnesOk() throws Exception {
		String badKey = "dhl-bad-" + this.store.store().getSlug();
		this.wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathEqualTo("/dhl/track/shipments"))
			.withHeader("DHL-API-Key", equalTo(badKey))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/problem+json")
				.withBody(
						"{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Unauthorized for given resource.\"}")));
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/dhl"))
				.content("{\"apiKey\":\"" + badKey + "\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(as(this.store.provisioned(), post("/api/v1/carrier-accounts/dhl/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.carrier").value("dhl"))
			.andExpect(jsonPath("$.ok").value(false))
			.andExpect(jsonPath("$.result").value("auth_failed"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("Unauthorized"))));
		this.mvc.perform(as(this.store.provisioned(), get("/api/v1/carrier-accounts")))
			.andExpect(jsonPath("$.items[3].carrier").value("dhl"))
			.andExpect(jsonPath("$.items[3].lastTestResult").value("auth_failed"));

		StoreFixture other = this.fixtures.store("acct-good");
		String goodKey = "dhl-good-" + other.store().getSlug();
		this.wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(urlPathEqualTo("/dhl/track/shipments"))
			.withHeader("DHL-API-Key", equalTo(goodKey))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/problem+json")
				.withBody(
						"{\"title\":\"No result found\",\"status\":404,\"detail\":\"No shipment with given tracking number found.\"}")));
		this.mvc
			.perform(as(other.provisioned(), put("/api/v1/carrier-accounts/dhl"))
				.content("{\"apiKey\":\"" + goodKey + "\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(as(other.provisioned(), post("/api/v1/carrier-accounts/dhl/test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true))
			.andExpect(jsonPath("$.result").value("ok"));
	}

	@Test
	void badInputIsNamedAndUnknownCarriersAreRefused() throws Exception {
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/ups")).content("{\"clientId\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clientSecret"));
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/dhl"))
				.content("{\"apiKey\":\"k\",\"password\":\"p\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		this.mvc.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/dhl")).content("{\"apiKey\":42}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("apiKey"));
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/royalmail"))
				.content("{\"apiKey\":\"k\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/nosuch")).content("{\"apiKey\":\"k\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/dhl")).content("{not json"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(as(this.store.provisioned(), post("/api/v1/carrier-accounts/fedex/test")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/carrier-accounts/dhl").contentType("application/json").content("{\"apiKey\":\"k\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForObject("select count(*) from carrier_accounts where store_id = ?", Integer.class,
				this.store.id()))
			.isZero();
	}

	/**
	 * One store's account sealed with another key (the key was changed): it is left out,
	 * the other stores' accounts with that carrier are still used, and its "test
	 * connection" says to save it again instead of failing with a 500.
	 */
	@Test
	void anAccountThatCannotBeReadNeverStopsTheOtherStoresAccounts() throws Exception {
		this.mvc
			.perform(as(this.store.provisioned(), put("/api/v1/carrier-accounts/dhl"))
				.content("{\"apiKey\":\"dhl-readable\"}"))
			.andExpect(status().isOk());
		StoreFixture stale = this.fixtures.store("acct-stale");
		String sealedElsewhere = new SecretsCipher(this.jdbc, "a-key-this-installation-no-longer-has-0123", false,
				this.clock)
			.encrypt("{\"apiKey\":\"dhl-stale\"}");
		this.jdbc.update(
				"insert into carrier_accounts (store_id, carrier, credentials, created_at, updated_at) values (?, 'dhl', ?, now(), now())",
				stale.id(), sealedElsewhere);

		assertThat(this.accounts.adaptersFor("dhl", List.of(stale.id(), this.store.id())).keySet())
			.containsExactly(this.store.id());
		this.mvc.perform(as(stale.provisioned(), post("/api/v1/carrier-accounts/dhl/test")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"))
			.andExpect(jsonPath("$.detail")
				.value("the saved dhl account cannot be read (was beacon.secrets.key changed?): save it again"));
	}

	@Test
	void withoutTheSecretsKeyOutsideDemoModeSavingIsA409NamingTheProperty() throws Exception {
		CarrierAccounts strict = new CarrierAccounts(this.named, new SecretsCipher(this.jdbc, null, false, this.clock),
				this.adapters, this.budgets, this.json, this.clock);
		MockMvc api = MockMvcBuilders.standaloneSetup(new CarrierAccountsController(strict))
			.setControllerAdvice(new CarrierAccountProblems())
			.setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
			.build();
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(StorePrincipal.of(this.store.store()), null));
		api.perform(put("/api/v1/carrier-accounts/dhl").contentType("application/json").content("{\"apiKey\":\"k\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.property").value("beacon.secrets.key"))
			.andExpect(jsonPath("$.detail").value("set beacon.secrets.key to store credentials encrypted"));
		assertThat(this.jdbc.queryForObject("select count(*) from carrier_accounts where store_id = ?", Integer.class,
				this.store.id()))
			.isZero();
	}

	/**
	 * A UPS answer with one pickup scan at {@code at} (recent: older shipments expire).
	 */
	private static String upsPickedUp(String number, java.time.Instant at) {
		java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd")
			.withZone(java.time.ZoneOffset.UTC);
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HHmmss")
			.withZone(java.time.ZoneOffset.UTC);
		return """
				{"trackResponse":{"shipment":[{"inquiryNumber":"%s","package":[{"trackingNumber":"%s",
				  "activity":[{"location":{"address":{"city":"MEMPHIS","stateProvince":"TN","countryCode":"US"}},
				    "status":{"type":"I","description":"Pickup Scan","code":"PU","statusCode":"038"},
				    "gmtDate":"%s","gmtTime":"%s"}]}]}]}}""".formatted(number, number, date.format(at),
				time.format(at));
	}

}
