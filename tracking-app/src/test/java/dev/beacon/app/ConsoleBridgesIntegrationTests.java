package dev.beacon.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.carriers.CarrierManagement;
import dev.beacon.carriers.CarrierStatus;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console on the real carriers and notification modules (it uses their APIs
 * directly): carriers status and push connections, and an order's messages.
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

	@Test
	void listsEveryCarrierAndConnectsAShopifyShopWhoseSignedWebhooksAreThenAccepted() throws Exception {
		assertThat(this.carriers.status()).extracting(CarrierStatus::carrier)
			.contains("ups", "fedex", "usps", "dhl", "sandbox");
		assertThat(this.carriers.status()).filteredOn((c) -> c.carrier().equals("ups"))
			.singleElement()
			.satisfies((c) -> assertThat(c.configured()).isFalse());
		Store store = this.stores.provision(new NewStore("Bridge", TestStores.uniqueSlug("bridge"), null, null))
			.store();
		String shop = store.getSlug() + ".myshopify.com";
		assertThat(this.carriers.connectShopify(store.getId(), shop, "shpss_bridge_secret"))
			.isEqualTo("/webhooks/carriers/shopify");
		String body = "{\"id\":1,\"order_id\":2,\"name\":\"#1001.1\",\"status\":\"success\",\"tracking_numbers\":[]}";
		this.mvc
			.perform(post("/webhooks/carriers/shopify").contentType(MediaType.APPLICATION_JSON)
				.header("X-Shopify-Topic", "fulfillments/create")
				.header("X-Shopify-Shop-Domain", shop)
				.header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
				.header("X-Shopify-Hmac-Sha256", "not-the-signature")
				.content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/webhooks/carriers/shopify").contentType(MediaType.APPLICATION_JSON)
				.header("X-Shopify-Topic", "fulfillments/create")
				.header("X-Shopify-Shop-Domain", shop)
				.header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
				.header("X-Shopify-Hmac-Sha256", sign("shpss_bridge_secret", body))
				.content(body))
			.andExpect(status().is2xxSuccessful());
		assertThat(this.carriers.connectEasyPost(store.getId(), "easypost_bridge_secret"))
			.isEqualTo("/webhooks/carriers/easypost/" + store.getSlug());
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

	static String sign(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
