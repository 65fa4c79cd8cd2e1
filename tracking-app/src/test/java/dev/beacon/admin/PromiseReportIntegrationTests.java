package dev.beacon.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The promise backtest page replays only the store's recent deliveries: those of the last
 * {@code beacon.console.reports.backtest-months} (12 by default) and at most
 * {@code backtest-max-parcels} of them (40 in these tests), and says so.
 */
@BeaconIntegrationTest
class PromiseReportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void onlyTheLastTwelveMonthsAreReplayed() throws Exception {
		Store store = storeDelivering(25, 30);
		String page = page(store);
		LocalDate since = LocalDate.now(this.clock.withZone(store.getTimeZone())).minusMonths(12);
		assertThat(page)
			.contains("Parcels delivered since <strong>" + since + "</strong> (the last <span>12</span> months).</p>")
			.contains("the oldest 70% of these <strong>25</strong> delivered parcels")
			.contains("<th scope=\"row\">");
	}

	@Test
	void atMostTheLatestMaxParcelsAreReplayed() throws Exception {
		Store store = storeDelivering(55, 30);
		String page = page(store);
		assertThat(page).contains("months<span>; only the latest <span>40</span> of them</span>).</p>")
			.contains("the oldest 70% of these <strong>40</strong> delivered parcels");
	}

	/** A store with parcels delivered in the last 300 days and others two years ago. */
	private Store storeDelivering(int recent, int old) {
		Store store = this.stores.provision(new NewStore("Backtest", TestStores.uniqueSlug("backtest"), null, null))
			.store();
		Instant now = this.clock.instant();
		for (int i = 0; i < recent + old; i++) {
			Instant delivered = (i < recent) ? now.minus(Duration.ofDays(5 + i * 5L))
					: now.minus(Duration.ofDays(730 + i));
			Instant placed = delivered.minus(Duration.ofDays(3 + i % 4));
			this.jdbc.update("""
					insert into delivery_history (store_id, order_number, carrier, service, placed_at, shipped_at,
					  delivered_at, origin_region, origin_country, destination_region, destination_country, status)
					values (?, ?, 'ups', 'ground', ?, ?, ?, 'CA', 'US', 'NY', 'US', 'DELIVERED')""", store.getId(),
					"BT-" + i, Timestamp.from(placed), Timestamp.from(placed.plus(Duration.ofDays(1))),
					Timestamp.from(delivered));
		}
		return store;
	}

	private String page(Store store) throws Exception {
		ConsoleUser ops = this.users.createUser(TestStores.uniqueSlug("ops"), "", "correct horse battery", Role.OPS,
				Set.of(store.getId()));
		String html = this.mvc
			.perform(get("/console/reports/promises").param("storeId", store.getId().toString())
				.with(user(ConsolePrincipal.of(ops))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<table class=\"report\" id=\"backtest\">");
		return html;
	}

}
