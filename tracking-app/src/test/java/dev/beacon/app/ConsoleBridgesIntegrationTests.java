package dev.beacon.app;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.carriers.CarrierManagement;
import dev.beacon.carriers.CarrierStatus;
import dev.beacon.integrations.PlatformStub;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console on the real carriers, integrations and notification modules (it uses their
 * APIs directly): carriers status and push connections, a shop connected from the store
 * page against the platform stub, and an order's messages.
 */
@BeaconIntegrationTest
class ConsoleBridgesIntegrationTests {

	@Autowired
	CarrierManagement carriers;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listsEveryCarrierAndConnectsAnEasyPostEndpoint() {
		assertThat(this.carriers.status()).extracting(CarrierStatus::carrier)
			.contains("ups", "fedex", "usps", "dhl", "sandbox");
		assertThat(this.carriers.status()).filteredOn((c) -> c.carrier().equals("ups"))
			.singleElement()
			.satisfies((c) -> assertThat(c.configured()).isFalse());
		Store store = this.stores.provision(new NewStore("Bridge", TestStores.uniqueSlug("bridge"), null, null))
			.store();
		assertThat(this.carriers.connectEasyPost(store.getId(), "easypost_bridge_secret"))
			.isEqualTo("/webhooks/carriers/easypost/" + store.getSlug());
	}

	@Test
	void anAdminConnectsAShopifyShopFromTheStorePageAndSeesItsProgressButNoSecret() throws Exception {
		Store store = this.stores.provision(new NewStore("Shop page", TestStores.uniqueSlug("shoppage"), null, null))
			.store();
		String shop = store.getSlug() + ".myshopify.com";
		String token = "shpat_console_" + store.getSlug();
		PlatformStub.shopifyAccepts(shop, token);
		PlatformStub.server()
			.stubFor(WireMock.post(WireMock.urlEqualTo("/shopify/admin/api/2025-07/graphql.json"))
				.withHeader("X-Shopify-Access-Token", WireMock.equalTo(token))
				.withRequestBody(WireMock.containing("webhookSubscriptionCreate"))
				.willReturn(WireMock.okJson(PlatformStub.fixtureText("shopify/subscribe-ok.json"))));
		PlatformStub.server()
			.stubFor(WireMock.post(WireMock.urlEqualTo("/shopify/admin/api/2025-07/graphql.json"))
				.withHeader("X-Shopify-Access-Token", WireMock.equalTo(token))
				.withRequestBody(WireMock.containing("query Backfill"))
				.willReturn(WireMock.okJson(PlatformStub.fixtureText("shopify/backfill-page-2.json"))));
		ConsolePrincipal admin = ConsolePrincipal.of(this.users.createUser(TestStores.uniqueSlug("admin"), "Admin",
				"long enough password", Role.ADMIN, Set.of(store.getId())));
		String page = "/console/admin/stores/" + store.getId();

		this.mvc
			.perform(post(page + "/integrations/shopify").param("shopDomain", shop)
				.param("accessToken", token)
				.param("apiSecret", "shpss_console_secret")
				.param("backfillDays", "30")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "Shopify shop " + shop
					+ " connected. Beacon is subscribing its webhooks and importing recent orders."));
		String section = "";
		for (int i = 0; i < 300 && (!section.contains("data-poll-url") || section.contains("data-poll=\"on\"")); i++) {
			Thread.sleep(100);
			section = this.mvc.perform(get(page + "/integrations").with(user(admin)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		assertThat(section).contains("data-poll-url").doesNotContain("data-poll=\"on\"");
		String row = section.substring(section.indexOf("data-platform=\"shopify\""));
		row = row.substring(0, row.indexOf("</tr>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(row).contains(shop + " custom")
			.contains(" active ")
			.contains("done: 1 orders, 1 pages (last 30 days)")
			.contains("Disconnect");
		String full = this.mvc.perform(get(page).with(user(admin))).andReturn().getResponse().getContentAsString();
		assertThat(full).contains("tr data-platform=\"shopify\"")
			.doesNotContain(token)
			.doesNotContain("shpss_console_secret");

		this.mvc.perform(post(page + "/integrations/shopify/disconnect").with(csrf()).with(user(admin)))
			.andExpect(flash().attribute("flash", "Disconnected; its credentials are deleted."));
		assertThat(this.jdbc.queryForObject("select count(*) from platform_connections where store_id = ?",
				Integer.class, store.getId()))
			.isZero();
	}

	@Test
	void theConsoleShowsTheMessagesOfAnOrderWithItsNumberAndOtherStoresCannotResendThem() throws Exception {
		Store store = this.stores.provision(new NewStore("Msgs", TestStores.uniqueSlug("msgs"), null, null)).store();
		Order order = this.orders.place(store.getId(), new PlaceOrder("M-1", Instant.now(),
				new Customer("Ana", "ana@example.com", null, null), null, null, null, List.of(), false));
		ConsoleUser agent = this.users.createUser(TestStores.uniqueSlug("agent"), "Agent", "long enough password",
				Role.AGENT, Set.of(store.getId()));
		List<?> list = (List<?>) this.mvc
			.perform(get("/console/orders/" + order.getId()).with(user(ConsolePrincipal.of(agent))))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("messages");
		assertThat(list).isNotEmpty()
			.extracting("orderNumber", "channel", "recipient")
			.containsOnly(tuple("M-1", "email", "ana@example.com"));
		Object messageId = org.assertj.core.util.introspection.PropertyOrFieldSupport.EXTRACTION.getValueOf("id",
				list.get(0));
		Store other = this.stores.provision(new NewStore("Other", TestStores.uniqueSlug("msgs"), null, null)).store();
		ConsoleUser stranger = this.users.createUser(TestStores.uniqueSlug("agent"), "Stranger", "long enough password",
				Role.AGENT, Set.of(other.getId()));
		this.mvc
			.perform(post("/console/orders/" + order.getId() + "/messages/" + messageId + "/resend").with(csrf())
				.with(user(ConsolePrincipal.of(stranger))))
			.andExpect(status().isNotFound());
	}

}
