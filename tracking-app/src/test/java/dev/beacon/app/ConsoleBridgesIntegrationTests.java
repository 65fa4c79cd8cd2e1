package dev.beacon.app;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.CarrierConnections;
import dev.beacon.admin.OrderMessages;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The app's bridges from the console to the carriers and notification modules, on the
 * real modules.
 */
@BeaconIntegrationTest
class ConsoleBridgesIntegrationTests {

	@Autowired
	CarrierConnections carriers;

	@Autowired
	OrderMessages messages;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryCarrierAndConnectsAShopifyShopWhoseSignedWebhooksAreThenAccepted() throws Exception {
		assertThat(this.carriers.carriers()).extracting(CarrierConnections.CarrierLine::carrier)
			.contains("ups", "fedex", "usps", "dhl", "sandbox");
		assertThat(this.carriers.carriers()).filteredOn((c) -> c.carrier().equals("ups"))
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
	void showsTheMessagesOfAnOrderWithItsNumber() {
		Store store = this.stores.provision(new NewStore("Msgs", TestStores.uniqueSlug("msgs"), null, null)).store();
		Order order = this.orders.place(store.getId(), new PlaceOrder("M-1", Instant.now(),
				new Customer("Ana", "ana@example.com", null, null), null, null, null, List.of(), false));
		List<OrderMessages.Message> list = this.messages.forOrder(store.getId(), order.getId());
		assertThat(list).isNotEmpty().allSatisfy((m) -> {
			assertThat(m.orderNumber()).isEqualTo("M-1");
			assertThat(m.channel()).isEqualTo("email");
			assertThat(m.recipient()).isEqualTo("ana@example.com");
		});
		Store other = this.stores.provision(new NewStore("Other", TestStores.uniqueSlug("msgs"), null, null)).store();
		assertThat(this.messages.forOrder(other.getId(), order.getId())).isEmpty();
		assertThat(this.messages.resend(other.getId(), order.getId(), list.get(0).id())).isFalse();
	}

	static String sign(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
