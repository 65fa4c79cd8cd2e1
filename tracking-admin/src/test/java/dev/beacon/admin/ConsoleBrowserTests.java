package dev.beacon.admin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import dev.beacon.order.Order;
import dev.beacon.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search, order view and a report in a real browser (Debian Chromium, headless), against
 * this module on a random port with real PostgreSQL. Skipped where chromedriver is not
 * installed. Screenshots go to target/screenshots.
 */
class ConsoleBrowserTests extends AdminIntegrationTest {

	@LocalServerPort
	int port;

	private ChromeDriver driver;

	private Store store;

	private ConsolePrincipal ops;

	@BeforeEach
	void start() {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")), "chromedriver not installed");
		this.store = store("browser");
		Instant placed = Instant.parse("2025-03-03T10:00:00Z");
		Order order = order(this.store, "WEB-77123", placed, "Lucia Ferreira", "lucia@example.com", "+1 415 555 0142",
				"CA", LocalDate.of(2025, 3, 7), false);
		scans(ship(this.store, order, "sandbox", "SBX0555000123", "ground", placed.plusSeconds(86400)),
				"PU@2025-03-04T12:00:00Z", "IT@2025-03-05T08:00:00Z", "DA@2025-03-06T15:00:00Z@Nobody home",
				"DL@2025-03-07T11:00:00Z");
		this.ops = consoleUser(Role.ADMIN, this.store);
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1200,900");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void searchAsYouTypeOpenTheOrderAndReadAReport() throws Exception {
		WebDriver d = this.driver;
		String base = "http://localhost:" + this.port;
		d.get(base + "/console/search");
		d.findElement(By.id("username")).sendKeys(this.ops.getUsername());
		d.findElement(By.id("password")).sendKeys(PASSWORD);
		d.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console"));
		d.get(base + "/console/search");
		d.findElement(By.id("q")).sendKeys("ferrei");
		new WebDriverWait(d, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results a.hit")));
		assertThat(d.findElement(By.cssSelector("#results a.hit")).getText()).isEqualTo("WEB-77123");
		screenshot("search");
		d.findElement(By.cssSelector("#results a.hit")).click();
		new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/orders/"));
		String page = d.findElement(By.tagName("main")).getText();
		assertThat(page).contains("SBX0555000123").contains("Nobody home").contains("a-da").contains("Delivered");
		screenshot("order");
		d.get(base + "/console/reports?from=2025-03-01&to=2025-03-31&groupBy=carrier");
		assertThat(d.findElement(By.id("report-table")).getText()).contains("sandbox").contains("100.0%");
		assertThat(d.findElements(By.cssSelector("figure svg"))).hasSize(3);
		screenshot("report");
	}

	private void screenshot(String name) throws Exception {
		File png = this.driver.getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
