package dev.beacon.promise.checkout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

	@LocalServerPort
	int port;

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
	void aBadParameterIsAProblemNamingThatParameter() throws Exception {
		ProvisionedStore store = storeWithHistory();
		this.mvc.perform(get("/p/" + store.store().getSlug() + "/promise").param("destinationCountry", "BR")
			.param("destinationRegion", "R".repeat(121))
			.with((r) -> {
				r.setRemoteAddr("10.9.2.1");
				return r;
			}))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("destinationRegion"))
			.andExpect(jsonPath("$.detail").value("destinationRegion must be at most 120 characters"));
		this.mvc
			.perform(get("/p/" + store.store().getSlug() + "/promise").param("destinationPostalCode", "1".repeat(21))
				.with((r) -> {
					r.setRemoteAddr("10.9.2.1");
					return r;
				}))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("destinationPostalCode"));
		this.mvc
			.perform(get("/p/" + store.store().getSlug() + "/promise").param("destinationCountry", "XX").with((r) -> {
				r.setRemoteAddr("10.9.2.1");
				return r;
			}))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("destinationCountry"))
			.andExpect(jsonPath("$.detail").value("destinationCountry must be an ISO 3166 code"));
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

	/**
	 * The widget on a shop's product page (a page of its own origin) in headless Debian
	 * Chromium (/usr/bin/chromium and /usr/bin/chromedriver, never downloaded; skipped
	 * when absent): it fills its one line from the server it was loaded from, and
	 * axe-core finds no WCAG 2.2 A/AA or best-practice violation on the page.
	 */
	@Test
	void theWidgetOnAProductPagePassesAxe() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")),
				"needs /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		ProvisionedStore store = storeWithHistory();
		Path page = this.dir.resolve("product.html");
		Files.writeString(page,
				"""
						<!DOCTYPE html>
						<html lang="en">
						<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
						<title>Guji coffee, 1 kg</title></head>
						<body><main><h1>Guji coffee, 1 kg</h1><p>R$ 89,00</p>
						<script src="http://localhost:%d/p/widget.js" data-store="%s" data-country="BR" data-region="SP" defer></script>
						</main></body>
						</html>
						"""
					.formatted(this.port, store.store().getSlug()));
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
				"--window-size=1280,900");
		ChromeDriver driver = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
					.usingAnyFreePort()
					.build(),
				options);
		try {
			driver.get(page.toUri().toString());
			String line = new WebDriverWait(driver, Duration.ofSeconds(15)).until((d) -> {
				String text = d.findElement(By.cssSelector("main p.beacon-promise")).getText();
				return text.isEmpty() ? null : text;
			});
			assertThat(line).startsWith("Arrives ");
			WebElement box = driver.findElement(By.cssSelector("main p.beacon-promise"));
			assertThat(box.getAttribute("role")).isEqualTo("status");
			assertThat(box.getAttribute("aria-live")).isEqualTo("polite");
			Results results = new AxeBuilder()
				.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
				.analyze(driver);
			assertThat(results.getViolations().stream().map((Rule r) -> r.getId() + ": " + r.getHelp()).toList())
				.isEmpty();
		}
		finally {
			driver.quit();
		}
	}

}
