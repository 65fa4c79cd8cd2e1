package dev.beacon.integrations;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk tracking numbers: a 202 job, per-line errors, and a re-upload that changes
 * nothing.
 */
@BeaconIntegrationTest
class TrackingNumberImportIntegrationTests {

	static final String CSV = """
			orderNumber,trackingNumber,carrier,shippedAt
			T-1,1Z999AA10123456784,ups,2026-11-30
			T-2,9400111899223100000017,,2026-11-30T15:00:00Z
			T-404,1Z999AA10123456784,ups,
			T-1,??,ups,
			T-2,9400111899223100000017,,
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	JsonMapper json;

	@Test
	void importsEveryGoodLineReportsTheOthersAndAReuploadChangesNothing() throws Exception {
		ProvisionedStore store = this.stores.provision(new NewStore("Bulk", TestStores.uniqueSlug("bulk"), null, null));
		for (String n : List.of("T-1", "T-2")) {
			this.orders.place(store.store().getId(), new PlaceOrder(n, Instant.parse("2026-11-29T10:00:00Z"),
					new Customer("Ana", "ana@example.com", null, null), null, null, null, List.of(), false));
		}

		JsonNode first = run(store);
		assertThat(first.path("status").asString()).isEqualTo("DONE");
		assertThat(first.path("totalRows").asInt()).isEqualTo(5);
		assertThat(first.path("importedRows").asInt()).isEqualTo(2);
		assertThat(first.path("rejectedRows").asInt()).isEqualTo(3);
		assertThat(first.path("errors")
			.valueStream()
			.map((e) -> e.path("line").asInt() + " " + e.path("field").asString())
			.toList()).containsExactly("4 orderNumber", "5 trackingNumber", "6 trackingNumber");
		assertThat(this.shipments.ofOrder(this.orders.find(store.store().getId(), "T-1").orElseThrow().getId()))
			.extracting(ShipmentView::carrier, ShipmentView::trackingNumber, ShipmentView::shippedAt)
			.containsExactly(tuple("ups", "1Z999AA10123456784", Instant.parse("2026-11-30T00:00:00Z")));
		assertThat(this.shipments.ofOrder(this.orders.find(store.store().getId(), "T-2").orElseThrow().getId()))
			.extracting(ShipmentView::carrier, ShipmentView::trackingNumber)
			.containsExactly(tuple("usps", "9400111899223100000017"));

		JsonNode again = run(store);
		assertThat(again.path("importedRows").asInt()).isZero();
		assertThat(again.path("unchangedRows").asInt()).isEqualTo(2);
	}

	private JsonNode run(ProvisionedStore store) throws Exception {
		String body = this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/imports/tracking-numbers")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + store.apiKey())
				.contentType("text/csv")
				.content(CSV))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(body).path("id").asString();
		for (int i = 0; i < 300; i++) {
			JsonNode job = this.json.readTree(this.mvc
				.perform(MockMvcRequestBuilders.get("/api/v1/imports/" + id)
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + store.apiKey()))
				.andReturn()
				.getResponse()
				.getContentAsString());
			String state = job.path("status").asString();
			if (state.equals("DONE") || state.equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not finish");
	}

}
