package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.beacon.admin.ops.DeliveryPerformance;
import dev.beacon.admin.ops.GroupBy;
import dev.beacon.admin.ops.PerformanceRow;
import dev.beacon.order.Order;
import dev.beacon.store.Store;
import dev.beacon.store.StorePrincipal;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Report arithmetic on a small fixture whose numbers are worked out by hand (see the
 * comments).
 */
class DeliveryPerformanceTests extends AdminIntegrationTest {

	@Autowired
	DeliveryPerformance performance;

	@Autowired
	SupportManagement support;

	private Store store;

	@BeforeEach
	void fixture() {
		this.store = store("report");
		Instant placed = Instant.parse("2025-03-03T10:00:00Z"); // a Monday
		// A1 ups ground CA: ships after 1.0 d, delivered 3.0 d later, by the promise.
		Order a1 = order(this.store, "A1", placed, "A", "a1@example.com", null, "CA", LocalDate.of(2025, 3, 7), false);
		scans(ship(this.store, a1, "sandbox", "SBX0000001001", "ground", Instant.parse("2025-03-04T10:00:00Z")),
				"DL@2025-03-07T10:00:00Z");
		// A2 ups ground NY: ships after 2.0 d, delivered 5.0 d later, after the promise.
		Order a2 = order(this.store, "A2", placed, "A", "a2@example.com", null, "NY", LocalDate.of(2025, 3, 7), false);
		scans(ship(this.store, a2, "sandbox", "SBX0000001002", "ground", Instant.parse("2025-03-05T10:00:00Z")),
				"DL@2025-03-10T10:00:00Z");
		// A3 ups ground CA: ships after 1.0 d, lost (an exception too).
		Order a3 = order(this.store, "A3", placed, "A", "a3@example.com", null, "CA", LocalDate.of(2025, 3, 7), false);
		scans(ship(this.store, a3, "sandbox", "SBX0000001003", "ground", Instant.parse("2025-03-04T10:00:00Z")),
				"LO@2025-03-06T10:00:00Z");
		// B1 fedex express CA: ships after 0.5 d, delivered 2.0 d later, no promise.
		Order b1 = order(this.store, "B1", placed, "B", "b1@example.com", null, "CA", null, false);
		scans(ship(this.store, b1, "fedex", "FDX000000000001", "express", Instant.parse("2025-03-03T22:00:00Z")),
				"DL@2025-03-05T22:00:00Z");
		// T1: a test order, never counted.
		Order t1 = order(this.store, "T1", placed, "T", "t@example.com", null, "CA", LocalDate.of(2025, 3, 4), true);
		scans(ship(this.store, t1, "sandbox", "SBX0000001004", "ground", placed), "LO@2025-03-06T10:00:00Z");
		// Outside the range: never counted.
		Order old = order(this.store, "OLD", Instant.parse("2025-01-10T10:00:00Z"), "O", "o@example.com", null, "CA",
				null, false);
		ship(this.store, old, "sandbox", "SBX0000001005", "ground", Instant.parse("2025-01-11T10:00:00Z"));
		// WISMO: two "where is it?" on the first carrier's orders, one other topic.
		this.support.raise(this.store.getId(), a2.getId(), null, HelpTopic.WHERE_IS_IT, "where?", null, "page");
		this.support.raise(this.store.getId(), a3.getId(), null, HelpTopic.WHERE_IS_IT, "where?", null, "page");
		this.support.raise(this.store.getId(), a3.getId(), null, HelpTopic.DAMAGED, "broken", null, "page");
	}

	@Test
	void byCarrierMatchesHandComputedNumbers() {
		// The sandbox shipments stand for the first carrier, fedex for the second.
		List<PerformanceRow> rows = this.performance.report(this.store.getId(), LocalDate.of(2025, 3, 1),
				LocalDate.of(2025, 3, 31), GroupBy.CARRIER);
		assertThat(rows).extracting(PerformanceRow::key).containsExactly("fedex", "sandbox");
		PerformanceRow fedex = rows.get(0);
		assertThat(fedex.shipments()).isEqualTo(1);
		assertThat(fedex.delivered()).isEqualTo(1);
		assertThat(fedex.onTimeRate()).isNull();
		assertThat(fedex.medianDaysToShip()).isEqualTo(0.5);
		assertThat(fedex.medianTransitDays()).isEqualTo(2.0);
		assertThat(fedex.exceptionRate()).isZero();
		PerformanceRow ups = rows.get(1);
		assertThat(ups.shipments()).isEqualTo(3);
		assertThat(ups.delivered()).isEqualTo(2);
		assertThat(ups.onTimeRate()).isEqualTo(0.5); // A1 on time, A2 late
		assertThat(ups.medianDaysToShip()).isEqualTo(1.0); // [1, 1, 2]
		assertThat(ups.p90DaysToShip()).isEqualTo(1.8); // 1 + 0.8 * (2 - 1)
		assertThat(ups.medianTransitDays()).isEqualTo(4.0); // [3, 5]
		assertThat(ups.p90TransitDays()).isEqualTo(4.8); // 3 + 0.9 * (5 - 3)
		assertThat(ups.exceptionRate()).isEqualTo(0.333); // A3
		assertThat(ups.lostRate()).isEqualTo(0.333); // A3
		assertThat(ups.wismoPer100Orders()).isEqualTo(66.7); // 2 WISMO / 3 orders
	}

	@Test
	void byRegionAndWeek() {
		List<PerformanceRow> regions = this.performance.report(this.store.getId(), LocalDate.of(2025, 3, 1),
				LocalDate.of(2025, 3, 31), GroupBy.DESTINATION_REGION);
		assertThat(regions).extracting(PerformanceRow::key, PerformanceRow::shipments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("CA", 3L),
					org.assertj.core.groups.Tuple.tuple("NY", 1L));
		List<PerformanceRow> weeks = this.performance.report(this.store.getId(), LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 3, 31), GroupBy.WEEK);
		assertThat(weeks).extracting(PerformanceRow::key).containsExactly("2025-01-06", "2025-03-03");
	}

	@Test
	void apiAndCsvCarryTheSameNumbers() throws Exception {
		var auth = new UsernamePasswordAuthenticationToken(new StorePrincipal(this.store.getId(), this.store.getSlug()),
				null, List.of());
		this.mvc
			.perform(get("/api/v1/reports/delivery-performance").param("from", "2025-03-01")
				.param("to", "2025-03-31")
				.param("groupBy", "service")
				.with(authentication(auth)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[1].key").value("ground"))
			.andExpect(jsonPath("$.rows[1].shipments").value(3))
			.andExpect(jsonPath("$.rows[1].onTimeRate").value(0.5))
			.andExpect(jsonPath("$.rows[1].medianTransitDays").value(4.0))
			.andExpect(jsonPath("$.rows[1].p90DaysToShip").value(1.8))
			.andExpect(jsonPath("$.rows[1].lostRate").value(0.333));
		this.mvc
			.perform(get("/api/v1/reports/delivery-performance").param("groupBy", "planet").with(authentication(auth)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(get("/api/v1/reports/delivery-performance").param("from", "March").with(authentication(auth)))
			.andExpect(status().isBadRequest());
		// "all time": any range the data spans, years included (the January order "OLD"
		// counts too)
		this.mvc
			.perform(get("/api/v1/reports/delivery-performance").param("from", "2000-01-01")
				.param("to", "2030-12-31")
				.param("groupBy", "service")
				.with(authentication(auth)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2000-01-01"))
			.andExpect(jsonPath("$.rows[1].key").value("ground"))
			.andExpect(jsonPath("$.rows[1].shipments").value(4));
		this.mvc
			.perform(get("/api/v1/reports/delivery-performance").param("from", "0001-01-01")
				.param("to", "9999-12-31")
				.with(authentication(auth)))
			.andExpect(status().isOk());
		ConsolePrincipal ops = consoleUser(Role.OPS, this.store);
		String csv = this.mvc
			.perform(get("/console/reports/delivery-performance.csv").param("from", "2025-03-01")
				.param("to", "2025-03-31")
				.with(user(ops)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.split("\r\n")).containsExactly(
				"key,shipments,delivered,onTimeRate,medianDaysToShip,p90DaysToShip,medianTransitDays,p90TransitDays,exceptionRate,lostRate,wismoPer100Orders,orders",
				"fedex,1,1,,0.5,0.5,2.0,2.0,0.0,0.0,0.0,1", "sandbox,3,2,0.5,1.0,1.8,4.0,4.8,0.333,0.333,66.7,3");
		String page = this.mvc
			.perform(get("/console/reports").param("from", "2025-03-01").param("to", "2025-03-31").with(user(ops)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<svg").contains("On-time rate against the promise").contains("50.0%");
		assertThat(Map.of()).isEmpty();
	}

}
