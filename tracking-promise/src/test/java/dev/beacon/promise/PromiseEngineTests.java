package dev.beacon.promise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.beacon.imports.ImportJobs;
import dev.beacon.order.Order;
import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.store.StorePrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PromiseEngineTests extends PromiseIntegrationTest {

	@Autowired
	PromiseEngine engine;

	@Autowired
	ImportJobs imports;

	@Autowired
	EstimateConfidence confidence;

	@TempDir
	Path dir;

	private Store storeWithHistory(int rows) throws Exception {
		Store store = store("promise");
		Path file = this.dir.resolve(store.getSlug() + ".csv");
		Files.writeString(file, HistoryGenerator.csv(rows, 42, LocalDate.of(2024, 1, 2), "P-"));
		this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "gen.csv", file, (p) -> {
		});
		return store;
	}

	@Test
	void backtestIsCalibratedWithinAFewPoints() throws Exception {
		Store store = storeWithHistory(6000);
		var history = this.engine.history(store.getId());
		assertThat(history).hasSizeGreaterThan(5800);
		for (double target : new double[] { 0.8, 0.9, 0.95 }) {
			PromiseBacktest.Result r = PromiseBacktest.run(history, 0.7, target, 30);
			assertThat(r.promised()).isGreaterThan(1500);
			assertThat(r.keptRate()).as("kept at target " + target).isCloseTo(r.meanConfidence(), within(0.04));
			assertThat(r.keptRate()).isGreaterThanOrEqualTo(target - 0.04);
		}
		PromiseBacktest.Result r90 = PromiseBacktest.run(history, 0.7, 0.9, 30);
		assertThat(r90.storePromised()).isPositive();
		assertThat(r90.meanLeadDays()).isPositive();
	}

	@Test
	void apiPromisesFromTheLaneAndFallsBackHierarchically() throws Exception {
		Store store = storeWithHistory(3000);
		var auth = authentication(new UsernamePasswordAuthenticationToken(
				new StorePrincipal(store.getId(), store.getSlug()), null, List.of()));
		String body = this.mvc
			.perform(get("/api/v1/promise").param("originRegion", "CA")
				.param("originCountry", "US")
				.param("destinationRegion", "NY")
				.param("destinationCountry", "US")
				.param("carrier", "ups")
				.param("service", "ground")
				.param("orderedAt", "2025-03-03T10:00:00Z")
				.with(auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.basis.lane").value("CA/US → NY/US · ups ground"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		LocalDate latest = LocalDate.parse(JsonPath.read(body, "$.latest"));
		LocalDate earliest = LocalDate.parse(JsonPath.read(body, "$.earliest"));
		double confidence = ((Number) JsonPath.read(body, "$.confidence")).doubleValue();
		assertThat(earliest).isAfter(LocalDate.of(2025, 3, 3)).isBeforeOrEqualTo(latest);
		// no targetReliability of its own: the store's own on-time rate is the target
		double target = this.engine.target(store.getId());
		assertThat(confidence).isBetween(target - 0.02, 1.0);
		// a lane never seen falls back to carrier + service + destination country
		this.mvc
			.perform(get("/api/v1/promise").param("originRegion", "OR")
				.param("destinationRegion", "ME")
				.param("destinationCountry", "US")
				.param("carrier", "ups")
				.param("service", "ground")
				.with(auth))
			.andExpect(jsonPath("$.basis.level").value("carrier-service-country"));
		this.mvc.perform(get("/api/v1/promise").param("carrier", "dhl").with(auth))
			.andExpect(jsonPath("$.basis.level").value("global"));
		this.mvc.perform(get("/api/v1/promise").param("destinationCountry", "USA").with(auth))
			.andExpect(status().isBadRequest());
		Store empty = store("promise-empty");
		this.mvc
			.perform(get("/api/v1/promise").param("carrier", "ups")
				.with(authentication(new UsernamePasswordAuthenticationToken(
						new StorePrincipal(empty.getId(), empty.getSlug()), null, List.of()))))
			.andExpect(jsonPath("$.basis.samples").value(0))
			.andExpect(jsonPath("$.confidence").doesNotExist());
	}

	@Test
	void learnsFromEachDeliveryAndFeedsShipmentWindows() throws Exception {
		Store store = storeWithHistory(800);
		int before = this.engine.samples(store.getId());
		Instant placed = Instant.now().minusSeconds(3 * 86400);
		Order order = order(store, "LIVE-1", placed, "NY", null, false);
		ShipmentView shipment = ship(store, order, "sandbox", "SBX0000009001", "ground", placed.plusSeconds(3600));
		assertThat(this.engine.samples(store.getId())).isEqualTo(before);
		scans(shipment, "DL@" + placed.plusSeconds(2 * 86400));
		assertThat(this.engine.samples(store.getId())).isEqualTo(before + 1);
		// a new order on a known lane gets the learned window (not the 2-5 day fallback)
		Order next = this.orders.place(store.getId(),
				new dev.beacon.order.PlaceOrder("LIVE-2", Instant.now(),
						new dev.beacon.order.Customer("N", null, null, null),
						new dev.beacon.order.Address(null, null, "NY", "US"),
						new dev.beacon.order.Address(null, null, "CA", "US"), null, List.of(), false));
		ShipmentView registered = this.shipments.register(store.getId(), next.getOrderNumber(),
				new dev.beacon.shipment.RegisterShipment("SBX0000009002", "sandbox", "ground", null));
		Promise expected = this.engine
			.promise(store.getId(), Lane.of("CA", "US", "NY", "US", "sandbox", "ground"), next.getPlacedAt())
			.orElseThrow();
		assertThat(registered.estimatedDelivery()).isNotNull();
		assertThat(registered.estimatedDelivery().latest()).isEqualTo(expected.latest());
		// the tracking page reads how sure that window is (and the first window's last
		// day)
		assertThat(this.confidence.stated(registered.id(), registered.estimatedDelivery()))
			.contains(new EstimateConfidence.Stated(expected.confidence(), expected.latest()));
		assertThat(this.confidence.stated(registered.id(),
				new DeliveryWindow(expected.earliest(), expected.latest().plusDays(1))))
			.isEmpty();
	}

}
