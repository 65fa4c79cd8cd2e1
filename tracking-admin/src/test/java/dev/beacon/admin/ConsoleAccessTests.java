package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsoleAccessTests extends AdminIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private Store mine;

	private Store other;

	private Order order;

	private Order foreign;

	private ShipmentView foreignShipment;

	@BeforeEach
	void fixture() {
		this.mine = store("acc");
		this.other = store("acc-other");
		Instant placed = Instant.parse("2025-05-05T10:00:00Z");
		this.order = order(this.mine, "A-1", placed, "Ana Lima", "ana@example.com", "+1 555 0100", "CA",
				LocalDate.of(2025, 5, 9), false);
		this.foreign = order(this.other, "B-1", placed, "Bo Chen", "bo@example.com", "+1 555 0199", "CA",
				LocalDate.of(2025, 5, 9), false);
		this.foreignShipment = ship(this.other, this.foreign, "sandbox", "SBX0000000001", "std", placed);
	}

	@Test
	void everyRouteAnswersEachRoleAsDesigned() throws Exception {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		ConsolePrincipal ops = consoleUser(Role.OPS, this.mine);
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		String orderUrl = "/console/orders/" + this.order.getId();
		Map<String, int[]> expected = new java.util.LinkedHashMap<>();
		// route -> status for AGENT, OPS, ADMIN
		expected.put("/console", new int[] { 200, 200, 200 });
		expected.put("/console/search?q=ana", new int[] { 200, 200, 200 });
		expected.put("/console/search/results?q=ana", new int[] { 200, 200, 200 });
		expected.put("/console/queues", new int[] { 200, 200, 200 });
		expected.put(orderUrl, new int[] { 200, 200, 200 });
		expected.put("/console/test-orders", new int[] { 200, 403, 200 });
		expected.put("/console/reports", new int[] { 403, 200, 200 });
		expected.put("/console/reports/delivery-performance.csv", new int[] { 403, 200, 200 });
		expected.put("/console/reports/promises", new int[] { 403, 200, 200 });
		expected.put("/console/admin/users", new int[] { 403, 403, 200 });
		expected.put("/console/admin/stores", new int[] { 403, 403, 200 });
		expected.put("/console/admin/stores/" + this.mine.getId(), new int[] { 403, 403, 200 });
		ConsolePrincipal[] who = { agent, ops, admin };
		for (var e : expected.entrySet()) {
			for (int i = 0; i < who.length; i++) {
				int actual = this.mvc.perform(get(e.getKey()).with(user(who[i]))).andReturn().getResponse().getStatus();
				assertThat(actual).as(who[i].role() + " GET " + e.getKey()).isEqualTo(e.getValue()[i]);
			}
			this.mvc.perform(get(e.getKey()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/console/login"));
		}
		Map<String, int[]> posts = Map.of(orderUrl + "/notes", new int[] { 302, 403, 302 }, orderUrl + "/escalate",
				new int[] { 302, 403, 302 }, orderUrl + "/claim", new int[] { 302, 403, 302 }, "/console/test-orders",
				new int[] { 302, 403, 302 }, "/console/admin/stores/" + this.mine.getId() + "/keys",
				new int[] { 403, 403, 302 });
		for (var e : posts.entrySet()) {
			for (int i = 0; i < who.length; i++) {
				int actual = this.mvc.perform(post(e.getKey()).param("body", "checked").with(csrf()).with(user(who[i])))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(actual).as(who[i].role() + " POST " + e.getKey()).isEqualTo(e.getValue()[i]);
			}
		}
	}

	@Test
	void anotherStoresOrderIsNotFoundForViewAndActions() throws Exception {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		String url = "/console/orders/" + this.foreign.getId();
		this.mvc.perform(get(url).with(user(agent))).andExpect(status().isNotFound());
		this.mvc.perform(post(url + "/notes").param("body", "x").with(csrf()).with(user(agent)))
			.andExpect(status().isNotFound());
		this.mvc.perform(
				post("/console/orders/" + this.order.getId() + "/shipments/" + this.foreignShipment.id() + "/refresh")
					.with(csrf())
					.with(user(agent)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/console/admin/stores/" + this.other.getId()).with(user(consoleUser(Role.ADMIN, this.mine))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/console/search?q=bo@example").with(user(agent)))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("B-1"))));
		this.mvc
			.perform(get("/console/reports?storeId=" + this.other.getId()).with(user(consoleUser(Role.OPS, this.mine))))
			.andExpect(status().isNotFound());
	}

	@Test
	void stateChangingRequestsNeedTheCsrfToken() throws Exception {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		this.mvc.perform(post("/console/orders/" + this.order.getId() + "/notes").param("body", "x").with(user(agent)))
			.andExpect(status().isForbidden());
		assertThat(this.mvc.perform(get("/console/orders/" + this.order.getId()).with(user(agent)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("name=\"_csrf\"").doesNotContain("<span>x</span>");
	}

	@Test
	void formLoginRotatesTheSessionAndLogoutEndsIt() throws Exception {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		MockHttpSession session = new MockHttpSession();
		String before = session.getId();
		MvcResult login = this.mvc
			.perform(post("/console/login").param("username", agent.getUsername())
				.param("password", PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/console"))
			.andReturn();
		MockHttpSession loggedIn = (MockHttpSession) login.getRequest().getSession();
		assertThat(loggedIn.getId()).isNotEqualTo(before);
		this.mvc.perform(get("/console").session(loggedIn)).andExpect(status().isOk());
		this.mvc.perform(post("/console/logout").session(loggedIn).with(csrf()))
			.andExpect(redirectedUrl("/console/login?logout"));
		assertThat(loggedIn.isInvalid()).isTrue();
		this.mvc.perform(get("/console").session(loggedIn)).andExpect(status().is3xxRedirection());
	}

	@Test
	void repeatedFailuresLockTheAccountWhichThenAnswersLikeAWrongPassword() throws Exception {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/console/login").param("username", agent.getUsername())
					.param("password", "wrong password " + i)
					.with(csrf()))
				.andExpect(redirectedUrl("/console/login?error"));
		}
		this.mvc.perform(
				post("/console/login").param("username", agent.getUsername()).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/console/login?error"));
		this.users.unlock(agent.id());
		this.mvc.perform(
				post("/console/login").param("username", agent.getUsername()).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/console"));
	}

	@Test
	void passwordsAreStoredHashedAndCreateUserIsIdempotent() {
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		ConsoleUser again = this.users.createUser(agent.getUsername(), "Other", "another password", Role.ADMIN,
				Set.of(this.other.getId()));
		assertThat(again.id()).isEqualTo(agent.id());
		assertThat(again.role()).isEqualTo(Role.AGENT);
		assertThat(again.storeIds()).containsExactlyInAnyOrder(this.mine.getId(), this.other.getId());
		assertThat(this.users.passwordHash(agent.getUsername())).startsWith("{bcrypt}").doesNotContain(PASSWORD);
	}

	@Test
	void adminIssuesAKeyShownOnceAndUpdatesTheBrand() throws Exception {
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		MvcResult issued = this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/keys").param("label", "shop")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attributeExists("newKey"))
			.andReturn();
		String key = (String) issued.getFlashMap().get("newKey");
		assertThat(this.stores.authenticate(key)).map(Store::getId).contains(this.mine.getId());
		assertThat(this.mvc.perform(get("/console/admin/stores/" + this.mine.getId()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(key);
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/brand").param("name", "Renamed")
				.param("primaryColor", "#112233")
				.param("accentColor", "#445566")
				.param("supportEmail", "help@example.com")
				.param("targetReliability", "95")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attribute("flash", "Saved."));
		Store updated = this.stores.byId(this.mine.getId()).orElseThrow();
		assertThat(updated.getName()).isEqualTo("Renamed");
		assertThat(updated.getBrand().primaryColor()).isEqualTo("#112233");
		assertThat(updated.getTargetReliability()).isEqualTo(95);
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/brand").param("name", "Bad")
				.param("primaryColor", "red")
				.param("accentColor", "#445566")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attributeExists("error"));
		assertThat(this.stores.byId(this.mine.getId()).orElseThrow().getName()).isEqualTo("Renamed");
	}

	@Test
	void onlyAnAdminOfTheStoreManagesItsCarrierAccounts() throws Exception {
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		ConsolePrincipal otherAdmin = consoleUser(Role.ADMIN, this.other);
		ConsolePrincipal operator = consoleUser(Role.OPERATOR);
		String page = this.mvc.perform(get("/console/admin/stores/" + this.mine.getId()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Your carrier accounts",
				"id=\"ups-clientSecret\" name=\"clientSecret\" type=\"password\"",
				"id=\"dhl-apiKey\" name=\"apiKey\" type=\"password\"", "name=\"_csrf\"");
		assertThat(this.mvc.perform(get("/console/admin/stores/" + this.mine.getId()).with(user(operator)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Your carrier accounts").doesNotContain("id=\"ups-clientSecret\"");
		String save = "/console/admin/stores/" + this.mine.getId() + "/carrier-accounts/dhl";
		// this context sets no beacon.secrets.key and is not a demo: nothing can be
		// stored
		this.mvc.perform(post(save).param("apiKey", "dhl-key-1").with(csrf()).with(user(admin)))
			.andExpect(redirectedUrl("/console/admin/stores/" + this.mine.getId() + "#carrier-accounts"))
			.andExpect(flash().attribute("error",
					"Carrier accounts cannot be saved until the installation sets beacon.secrets.key (ask your operator)."));
		this.mvc.perform(post(save).param("apiKey", "").with(csrf()).with(user(admin)))
			.andExpect(flash().attribute("error", "give the dhl credentials: apiKey"));
		this.mvc.perform(post(save + "/test").with(csrf()).with(user(admin)))
			.andExpect(flash().attribute("error", "no dhl account saved for this store"));
		this.mvc.perform(post(save).param("apiKey", "dhl-key-1").with(csrf()).with(user(otherAdmin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(save).param("apiKey", "dhl-key-1").with(csrf()).with(user(operator)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(save).param("apiKey", "dhl-key-1").with(user(admin))).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from carrier_accounts where store_id = ?", Integer.class,
				this.mine.getId()))
			.isZero();
	}

	@Test
	void adminSeesCarriersAndConnectsPushIntegrationsOfTheirOwnStoresOnly() throws Exception {
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		String page = this.mvc.perform(get("/console/admin/stores/" + this.mine.getId()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("no: no credentials configured")
			.contains("Connect Shopify")
			.contains("Connect WooCommerce")
			.doesNotContain("Get the install link");
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/integrations/easypost")
				.param("secret", "short")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attributeExists("error"));
		this.mvc
			.perform(post("/console/admin/stores/" + this.other.getId() + "/integrations/easypost")
				.param("secret", "long enough secret")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/integrations/easypost")
				.param("secret", "long enough secret")
				.with(csrf())
				.with(user(agent)))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForList(
				"select source || ' ' || account from carrier_webhook_sources where store_id = ?", String.class,
				this.mine.getId()))
			.isEmpty();
	}

	@Test
	void shopPlatformsAreConnectedByAnAdminOfTheStoreOnlyAndNeedTheSecretsKey() throws Exception {
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		ConsolePrincipal agent = consoleUser(Role.AGENT, this.mine);
		String shopify = "/console/admin/stores/" + this.mine.getId() + "/integrations/shopify";
		// this context has no beacon.secrets.key and is not in demo mode: nothing can be
		// stored, and the console says which property is missing
		this.mvc
			.perform(post(shopify).param("shopDomain", "Acme-Shop.myshopify.com")
				.param("accessToken", "shpat_0123456789")
				.param("apiSecret", "shpss_0123456789")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console/admin/stores/" + this.mine.getId() + "#integrations"))
			.andExpect(flash().attribute("error", "Set beacon.secrets.key to store platform credentials encrypted."));
		this.mvc
			.perform(post(shopify).param("shopDomain", "evil.example.com")
				.param("accessToken", "shpat_0123456789")
				.param("apiSecret", "shpss_0123456789")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attribute("error",
					"ShopDomain must be the shop's myshopify domain, such as acme.myshopify.com."));
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/integrations/woocommerce")
				.param("siteUrl", "http://127.0.0.1:9/shop")
				.param("consumerKey", "ck_1")
				.param("consumerSecret", "cs_1")
				.param("webhookSecret", "whs_1")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attribute("error", "SiteUrl must use https."));
		this.mvc
			.perform(post("/console/admin/stores/" + this.mine.getId() + "/integrations/shopify/install-link")
				.param("shopDomain", "acme-shop.myshopify.com")
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attribute("error",
					"The public app is not configured: set beacon.integrations.shopify.client-id and .client-secret."));
		this.mvc
			.perform(post(shopify).param("shopDomain", "acme-shop.myshopify.com")
				.param("accessToken", "t")
				.param("apiSecret", "s")
				.with(user(admin)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(shopify).param("shopDomain", "acme-shop.myshopify.com")
				.param("accessToken", "t")
				.param("apiSecret", "s")
				.with(csrf())
				.with(user(agent)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/console/admin/stores/" + this.other.getId() + "/integrations/shopify")
				.param("shopDomain", "acme-shop.myshopify.com")
				.param("accessToken", "t")
				.param("apiSecret", "s")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(
					post("/console/admin/stores/" + this.mine.getId() + "/integrations/shopify/disconnect").with(csrf())
						.with(user(admin)))
			.andExpect(flash().attribute("error", "Nothing was connected."));
		this.mvc.perform(get("/console/admin/stores/" + this.other.getId() + "/integrations").with(user(admin)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from platform_connections where store_id = ?",
				Integer.class, this.mine.getId()))
			.isZero();
	}

	@Test
	void adminCreatesUsersOnlyForTheirOwnStores() throws Exception {
		ConsolePrincipal admin = consoleUser(Role.ADMIN, this.mine);
		this.mvc
			.perform(post("/console/admin/users").param("username", "new-agent-" + this.mine.getSlug())
				.param("password", "long enough password")
				.param("role", "AGENT")
				.param("storeIds", this.other.getId().toString())
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/console/admin/users").param("username", "new-agent-" + this.mine.getSlug())
				.param("password", "long enough password")
				.param("role", "AGENT")
				.param("storeIds", this.mine.getId().toString())
				.with(csrf())
				.with(user(admin)))
			.andExpect(flash().attributeExists("flash"));
		assertThat(this.users.byUsername("new-agent-" + this.mine.getSlug())).get()
			.extracting(ConsoleUser::storeIds)
			.isEqualTo(Set.of(this.mine.getId()));
	}

}
