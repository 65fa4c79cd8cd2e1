package dev.beacon.web;

import java.net.URI;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.order.TrackingLinks;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11 over the assembled application: the registry is listed, any registry carrier
 * is accepted, and a carrier outside the registry is accepted by name and shown on the
 * shopper's page with the store's link.
 */
@BeaconIntegrationTest
class AnyCarrierIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	TrackingLinks links;

	ProvisionedStore store;

	@BeforeEach
	void store() {
		this.store = this.stores
			.provision(new NewStore("Maple", TestStores.uniqueSlug("maple"), null, "America/Toronto"));
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.store.apiKey())
			.contentType(MediaType.APPLICATION_JSON);
	}

	private void order(String number) throws Exception {
		this.mvc.perform(as(post("/api/v1/orders")).content(PublicApiIntegrationTests.order(number)))
			.andExpect(status().isCreated());
	}

	@Test
	void theRegistryIsListed() throws Exception {
		this.mvc.perform(as(get("/api/v1/carriers")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value("ups"))
			.andExpect(jsonPath("$.items[0].tracking").value("live"))
			.andExpect(jsonPath("$.items[?(@.code == 'canadapost')].name").value(hasItem("Canada Post")))
			.andExpect(jsonPath("$.items[?(@.code == 'royalmail')].tracking").value(hasItem("aggregator")))
			.andExpect(jsonPath("$.items[?(@.code == 'royalmail')].trackingUrlTemplate")
				.value(hasItem("https://www.royalmail.com/track-your-item#/tracking-results/{number}")));
	}

	@Test
	void anyRegistryCarrierIsAcceptedAndAnUnknownCodeIsA422NamingCarrier() throws Exception {
		order("CA-1");
		this.mvc
			.perform(as(post("/api/v1/orders/CA-1/shipments"))
				.content("{\"trackingNumber\":\"7023210039414604\",\"carrier\":\"canadapost\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.carrier").value("canadapost"))
			.andExpect(jsonPath("$.carrierName").value("Canada Post"))
			.andExpect(jsonPath("$.trackingUrl")
				.value("https://www.canadapost-postescanada.ca/track-reperage/en#/details/7023210039414604"));
		this.mvc
			.perform(as(post("/api/v1/orders/CA-1/shipments"))
				.content("{\"trackingNumber\":\"7023210039414605\",\"carrier\":\"pigeon-post\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
	}

	@Test
	void aCarrierOutsideTheRegistryIsAcceptedAndShownOnThePageWithItsLink() throws Exception {
		order("LOCAL-1");
		this.mvc.perform(as(post("/api/v1/orders/LOCAL-1/shipments")).content("""
				{"trackingNumber":"MB-000-4411","carrierName":"Maple Bike Couriers",
				 "trackingUrl":"https://maplebikes.example/track/MB0004411"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.carrier").value(nullValue()))
			.andExpect(jsonPath("$.carrierName").value("Maple Bike Couriers"))
			.andExpect(jsonPath("$.trackingUrl").value("https://maplebikes.example/track/MB0004411"))
			.andExpect(jsonPath("$.milestone").value("LABEL_CREATED"));
		this.mvc.perform(as(get("/api/v1/orders/LOCAL-1")))
			.andExpect(jsonPath("$.shipments[0].carrier").value(nullValue()))
			.andExpect(jsonPath("$.shipments[0].carrierName").value("Maple Bike Couriers"));
		this.mvc
			.perform(as(post("/api/v1/orders/LOCAL-1/shipments")).content(
					"{\"trackingNumber\":\"MB0004412\",\"carrierName\":\"Maple\",\"trackingUrl\":\"javascript:x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("trackingUrl"));

		String page = page("LOCAL-1");
		assertThat(page).contains("<dd>Maple Bike Couriers</dd>");
		assertThat(page).contains("href=\"https://maplebikes.example/track/MB0004411\"");
	}

	@Test
	void oneShipmentRefreshedMoreThanFiveTimesAMinuteIs429WithRetryAfter() throws Exception {
		order("R-1");
		MvcResult created = this.mvc
			.perform(as(post("/api/v1/orders/R-1/shipments"))
				.content("{\"trackingNumber\":\"SBX1000000042\",\"carrier\":\"sandbox\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(as(post("/api/v1/shipments/" + id + "/refresh"))).andExpect(status().isOk());
		}
		this.mvc.perform(as(post("/api/v1/shipments/" + id + "/refresh")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(jsonPath("$.title").value("Refresh limited"));
	}

	private String page(String orderNumber) throws Exception {
		URI signed = URI.create(this.links.signedOrderPage(this.store.store().getSlug(), orderNumber));
		MvcResult first = this.mvc.perform(get(signed.getRawPath() + "?" + signed.getRawQuery())).andReturn();
		if (first.getResponse().getStatus() / 100 != 3) {
			return first.getResponse().getContentAsString();
		}
		Cookie[] cookies = first.getResponse().getCookies();
		MvcResult page = this.mvc
			.perform(get(URI.create(first.getResponse().getRedirectedUrl()).getRawPath()).cookie(cookies))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		return page.getResponse().getContentAsString();
	}

}
