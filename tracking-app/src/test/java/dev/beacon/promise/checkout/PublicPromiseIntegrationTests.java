package dev.beacon.promise.checkout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.common.BusinessCalendar;
import dev.beacon.imports.ImportJobs;
import dev.beacon.promise.HistoryKind;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public promise of product and checkout pages ({@code GET /p/{slug}/promise}) and
 * its widget: no key, learned from the store's imported history, cached, rate-limited,
 * CORS for any origin without credentials, and nothing but the window in the answer.
 */
@BeaconIntegrationTest
class PublicPromiseIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	ImportJobs imports;

	@Autowired
	PublicPromises promises;

	@TempDir
	Path dir;

	/** A store whose 40 parcels to SP/BR each took exactly three business days. */
	private ProvisionedStore storeWithHistory() throws Exception {
		ProvisionedStore store = this.stores
			.provision(new NewStore("Loja", TestStores.uniqueSlug("loja"), "pt-BR", "America/Sao_Paulo"));
		StringBuilder csv = new StringBuilder("order_number,placed_at,shipped_at,delivered_at,promised_by,"
				+ "origin_region,origin_country,destination_region,destination_postal_code,destination_country,"
				+ "carrier,service,status\n");
		LocalDate day = LocalDate.of(2025, 9, 1);
		for (int i = 0; i < 40; i++) {
			while (!BusinessCalendar.isBusinessDay(day, "BR")) {
				day = day.plusDays(1);
			}
			LocalDate delivered = BusinessCalendar.addBusinessDays(day, 3, "BR");
			csv.append("SECRET-ORDER-")
				.append(i)
				.append(',')
				.append(day)
				.append("T10:00,,")
				.append(delivered)
				.append("T15:00,,SP,BR,SP,01310-100,BR,correios,,delivered\n");
			day = day.plusDays(1);
		}
		Path file = this.dir.resolve("history.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		this.imports.run(store.store().getId(), HistoryKind.SHIPMENTS, "history.csv", file, (p) -> {
		});
		return store;
	}

	@Test
	void answersTheLearnedWindowWithTheCutoffAndNothingElse() throws Exception {
		ProvisionedStore store = storeWithHistory();
		String body = this.mvc
			.perform(get("/p/" + store.store().getSlug() + "/promise").param("destinationCountry", "BR")
				.param("destinationRegion", "SP")
				.param("destinationPostalCode", "01310-100")
				.header(HttpHeaders.ORIGIN, "https://shop.example"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
			.andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> answer = JsonPath.read(body, "$");
		assertThat(answer).containsOnlyKeys("earliest", "latest", "confidence", "cutoff");
		OffsetDateTime cutoff = OffsetDateTime.parse(JsonPath.read(body, "$.cutoff"));
		ZoneId zone = ZoneId.of("America/Sao_Paulo");
		assertThat(cutoff.atZoneSameInstant(zone).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
		LocalDate shipDay = cutoff.atZoneSameInstant(zone).toLocalDate();
		assertThat(BusinessCalendar.isBusinessDay(shipDay, "BR")).isTrue();
		assertThat(LocalDate.parse(JsonPath.read(body, "$.latest")))
			.isEqualTo(BusinessCalendar.addBusinessDays(shipDay, 3, "BR"));
		assertThat(LocalDate.parse(JsonPath.read(body, "$.earliest")))
			.isEqualTo(BusinessCalendar.addBusinessDays(shipDay, 3, "BR"));
		assertThat(((Number) JsonPath.read(body, "$.confidence")).doubleValue()).isGreaterThan(0.9);
	}

	@Test
	void aRepeatedQuestionIsAnsweredFromTheCache() throws Exception {
		ProvisionedStore store = storeWithHistory();
		long before = this.promises.computed();
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/p/" + store.store().getSlug() + "/promise").param("destinationCountry", "BR")
				.param("destinationRegion", "RJ")
				.with((r) -> {
					r.setRemoteAddr("10.9.0." + 1);
					return r;
				})).andExpect(status().isOk());
		}
		assertThat(this.promises.computed()).isEqualTo(before + 1);
	}

	@Test
	void eachClientIsLimitedAndTheRestIsRefused() throws Exception {
		ProvisionedStore store = storeWithHistory();
		for (int i = 0; i < 60; i++) {
			this.mvc.perform(get("/p/" + store.store().getSlug() + "/promise").with((r) -> {
				r.setRemoteAddr("10.9.9.9");
				return r;
			})).andExpect(status().isOk());
		}
		this.mvc.perform(get("/p/" + store.store().getSlug() + "/promise").with((r) -> {
			r.setRemoteAddr("10.9.9.9");
			return r;
		})).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/p/" + store.store().getSlug() + "/promise").with((r) -> {
			r.setRemoteAddr("10.9.9.10");
			return r;
		})).andExpect(status().isOk());
	}

	@Test
	void unknownStoresAndCountriesAndOtherMethodsAreRefused() throws Exception {
		this.mvc.perform(get("/p/no-such-store-xyz/promise").with((r) -> {
			r.setRemoteAddr("10.9.1.1");
			return r;
		})).andExpect(status().isNotFound());
		this.mvc.perform(get("/p/no-such-store-xyz/promise").param("destinationCountry", "XX").with((r) -> {
			r.setRemoteAddr("10.9.1.1");
			return r;
		})).andExpect(status().isBadRequest());
		this.mvc.perform(post("/p/no-such-store-xyz/promise")).andExpect(status().isForbidden());
		this.mvc
			.perform(options("/p/any/promise").header(HttpHeaders.ORIGIN, "https://shop.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
			.andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET"));
	}

	/**
	 * A markup test of the widget (no browser here): one script from Beacon's own origin,
	 * no other host, text only (no HTML injection), announced politely to screen readers.
	 */
	@Test
	void theWidgetIsOneSelfContainedScript() throws Exception {
		String js = this.mvc.perform(get("/p/widget.js"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/javascript;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String code = js.substring(js.indexOf("*/") + 2);
		assertThat(code).doesNotContain("http:").doesNotContain("https:").doesNotContain("innerHTML");
		assertThat(code).contains("fetch(base.origin + '/p/'");
		assertThat(code).contains("{ credentials: 'omit', mode: 'cors' }");
		assertThat(code).contains("box.setAttribute('role', 'status');");
		assertThat(code).contains("box.setAttribute('aria-live', 'polite');");
	}

}
