package dev.beacon.web.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.shipment.CarrierCandidate;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Just the API", in seconds: one API controller in a Spring MVC slice (no database, no
 * server) with the API's real security chain, strict JSON and problem+json advice, and
 * the core services replaced. The whole API against PostgreSQL is tested in tracking-app
 * ({@code PublicApiIntegrationTests}).
 */
@WebMvcTest(controllers = ShipmentsApiController.class)
@Import({ ApiSecurityConfiguration.class, StrictJson.class })
class ShipmentsApiSliceTests {

	static final String KEY = "bk_slice_key";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StoreManagement stores;

	@MockitoBean
	ShipmentManagement shipments;

	@BeforeEach
	void aKey() {
		Store store = mock(Store.class);
		given(store.getId()).willReturn(UUID.fromString("00000000-0000-0000-0000-000000000002"));
		given(store.getSlug()).willReturn("acme");
		given(this.stores.authenticate(KEY)).willReturn(Optional.of(store));
	}

	@Test
	void withoutAKeyTheAnswerIsA401Problem() throws Exception {
		this.mvc.perform(get("/api/v1/carriers/detect").param("trackingNumber", "1Z999AA10123456784"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void detectsCarriers() throws Exception {
		given(this.shipments.detect("1Z999AA10123456784")).willReturn(List.of(new CarrierCandidate("ups", null, 0.99)));
		this.mvc
			.perform(get("/api/v1/carriers/detect").param("trackingNumber", "1Z999AA10123456784")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates[0].carrier").value("ups"));
	}

	@Test
	void aNumberWhereTextIsDueIsA400NamingTheField() throws Exception {
		this.mvc
			.perform(patch("/api/v1/shipments/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"carrier\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("carrier"));
	}

	@Test
	void anIdThatCannotExistIsNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/shipments/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY))
			.andExpect(status().isNotFound());
	}

}
