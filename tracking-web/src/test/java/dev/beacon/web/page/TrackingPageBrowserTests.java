package dev.beacon.web.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageFixtures.Journey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracking page in headless Debian Chromium (never downloaded: /usr/bin/chromium and
 * /usr/bin/chromedriver, skipped when absent) against the test server, at phone (360 px,
 * touch) and desktop (1280 px) sizes: lookup, wrong email, signed link, help, every
 * state, a split order, two languages, error pages. Every page is checked with axe-core
 * (no serious or critical WCAG 2.2 A/AA violation), for horizontal overflow and for tap
 * targets; screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingPageBrowserTests extends PageTestSupport {

	private static final Path SHOTS = Path.of("target/screenshots");

	@LocalServerPort
	int port;

	ChromeDriver phone;

	ChromeDriver desktop;

	PageFixtures fixtures;

	Store store;

	@BeforeAll
	void browsers() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")),
				"needs /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		Files.createDirectories(SHOTS);
		this.phone = chrome(360, 740, true);
		this.desktop = chrome(1280, 900, false);
	}

	@AfterAll
	void quit() {
		for (ChromeDriver d : new ChromeDriver[] { this.phone, this.desktop }) {
			if (d != null) {
				d.quit();
			}
		}
	}

	private static ChromeDriver chrome(int width, int height, boolean mobile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-US",
				"--window-size=" + width + "," + height);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		if (mobile) {
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true),
							"userAgent",
							"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
									+ "Chrome/156.0 Mobile Safari/537.36"));
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	@BeforeEach
	void data() {
		this.fixtures = fixtures();
		this.store = this.fixtures.store("en");
		this.phone.manage().deleteAllCookies();
		this.desktop.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String orderPath(Order o) {
		return "/t/" + this.store.getSlug() + "/orders/" + o.getOrderNumber();
	}

	private void lookUp(ChromeDriver d, Order o, String contact) {
		d.get(url("/t/" + this.store.getSlug()));
		d.findElement(By.id("orderNumber")).sendKeys(o.getOrderNumber());
		d.findElement(By.id("contact")).sendKeys(contact);
		navigate(d, By.cssSelector("#lookup-form button[type=submit]"));
	}

	/** Clicks and waits until the next page replaced this one. */
	private static void navigate(ChromeDriver d, By target) {
		WebElement page = d.findElement(By.tagName("html"));
		d.findElement(target).click();
		new WebDriverWait(d, Duration.ofSeconds(15)).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				return true;
			}
		});
	}

	private void openSigned(ChromeDriver d, Order o) {
		d.get(url(orderPath(o) + "?k=" + this.links.token(this.store.getSlug(), o.getOrderNumber())));
	}

	private String headline(ChromeDriver d) {
		return d.findElement(By.tagName("h1")).getText();
	}

	/** axe-core, no overflow at this width, tap targets of at least 44 px, screenshot. */
	private void check(ChromeDriver d, String name) throws IOException {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
			.analyze(d);
		List<String> serious = results.getViolations()
			.stream()
			.filter((Rule r) -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
			.map((Rule r) -> r.getId() + ": " + r.getHelp() + " "
					+ r.getNodes().stream().map((n) -> n.getHtml()).toList())
			.toList();
		assertThat(serious).as("axe-core serious/critical violations on %s", name).isEmpty();
		JavascriptExecutor js = d;
		Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
		assertThat(overflow.intValue()).as("horizontal overflow on %s", name).isLessThanOrEqualTo(0);
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) js.executeScript(
				"""
						const out = [];
						document.querySelectorAll('a[href], button, summary, input:not([type=radio]):not([type=hidden]), textarea, .choice')
						  .forEach(e => {
						    const r = e.getBoundingClientRect();
						    const s = getComputedStyle(e);
						    if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || e.closest('.skip,details:not([open]) ul')) return;
						    if (r.height < 44 || r.width < 24) out.push(e.tagName + ' ' + (e.textContent || e.id).trim().slice(0, 40) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
						  });
						return out;""");
		assertThat(small).as("tap targets under 44 px on %s", name).isEmpty();
		screenshot(d, name);
	}

	private void screenshot(ChromeDriver d, String name) throws IOException {
		JavascriptExecutor js = d;
		boolean mobile = d == this.phone;
		long width = ((Number) js.executeScript("return window.innerWidth")).longValue();
		long height = Math.min(2400,
				((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue());
		d.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
		try {
			File png = d.getScreenshotAs(OutputType.FILE);
			Files.copy(png.toPath(), SHOTS.resolve((mobile ? "phone-" : "desktop-") + name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			if (mobile) {
				d.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
			}
			else {
				d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			}
		}
	}

	@Test
	void lookupOfAnOrderOnTheWay() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, order, Journey.OUT_FOR_DELIVERY);
		for (ChromeDriver d : List.of(this.phone, this.desktop)) {
			d.manage().deleteAllCookies();
			d.get(url("/t/" + this.store.getSlug()));
			check(d, "lookup");
			lookUp(d, order, "ana@example.com");
			assertThat(d.getCurrentUrl()).isEqualTo(url(orderPath(order)));
			assertThat(headline(d)).isEqualTo("Out for delivery");
			assertThat(d.findElement(By.cssSelector(".timeline [aria-current=step]")).getDomProperty("textContent"))
				.contains("Current step: Out for delivery");
			assertThat(d.findElement(By.cssSelector("a.ext")).getAttribute("href"))
				.startsWith("https://sandbox.example/track/SBX0");
			check(d, "order-on-time");
		}
	}

	@Test
	void aWrongEmailIsAPoliteNoWithoutDetails() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		lookUp(this.phone, order, "someone@else.example");
		assertThat(this.phone.findElement(By.id("lookup-error")).getText())
			.contains("We couldn’t find an order with those details");
		assertThat(this.phone.getPageSource()).doesNotContain("Stoneware mug");
		check(this.phone, "lookup-failed");
	}

	@Test
	void aSignedLinkLandsOnTheCleanOrderUrl() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, order, Journey.DELIVERED);
		openSigned(this.desktop, order);
		assertThat(this.desktop.getCurrentUrl()).isEqualTo(url(orderPath(order))).doesNotContain("k=");
		assertThat(headline(this.desktop)).isEqualTo("Delivered");
		assertThat(this.desktop.getPageSource()).contains("Stoneware mug").doesNotContain("JSMITH");
		check(this.desktop, "order-delivered");
	}

	@Test
	void helpFromADelayedOrder() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, order, Journey.DELAYED_WEATHER);
		for (ChromeDriver d : List.of(this.phone, this.desktop)) {
			d.manage().deleteAllCookies();
			openSigned(d, order);
			assertThat(headline(d)).isEqualTo("Delayed: weather in Memphis");
			assertThat(d.findElement(By.cssSelector(".hero .callout")).getText()).contains("What to do first");
			check(d, "order-delayed");
			navigate(d, By.id("help-link"));
			check(d, "help");
			d.findElement(By.cssSelector("label[for=topic-WHERE_IS_IT]")).click();
			d.findElement(By.id("message")).sendKeys("It was due yesterday. Can you check, please?");
			navigate(d, By.cssSelector("#help-form button[type=submit]"));
			assertThat(headline(d)).isEqualTo("Thanks, we’ve got your message");
			assertThat(d.findElement(By.id("help-next")).getText())
				.isEqualTo("Northwind Coffee will reply by email to a***@e***.com, usually within one business day.");
			check(d, "help-sent");
		}
		assertThat(this.support.forOrder(this.store.getId(), order.getId())).hasSize(2)
			.allSatisfy((h) -> assertThat(h.getTopic()).isEqualTo(HelpTopic.WHERE_IS_IT));
	}

	@Test
	void everyMilestoneAndExceptionState() throws IOException {
		Map<Journey, String> headlines = new java.util.LinkedHashMap<>();
		headlines.put(Journey.LABEL, "Label created");
		headlines.put(Journey.IN_TRANSIT, "In transit");
		headlines.put(Journey.OUT_FOR_DELIVERY, "Out for delivery");
		headlines.put(Journey.ATTEMPTED, "Delivery attempted");
		headlines.put(Journey.PICKUP, "Ready for pickup");
		headlines.put(Journey.DELIVERED, "Delivered");
		headlines.put(Journey.DELAYED_WEATHER, "Delayed: weather in Memphis");
		headlines.put(Journey.ADDRESS, "Action needed: address problem");
		headlines.put(Journey.DAMAGED, "Problem: package damaged");
		headlines.put(Journey.LOST, "Problem: package lost");
		headlines.put(Journey.RETURNING, "Returning to sender");
		for (Map.Entry<Journey, String> e : headlines.entrySet()) {
			Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
			this.fixtures.ship(this.store, order, e.getKey());
			openSigned(this.phone, order);
			assertThat(headline(this.phone)).as("%s", e.getKey()).isEqualTo(e.getValue());
			assertThat(this.phone.findElements(By.cssSelector(".timeline li"))).hasSize(5);
			check(this.phone, "state-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT));
		}
		Order silent = this.fixtures.order(this.store, PageFixtures.orderNumber());
		ShipmentView s = this.fixtures.ship(this.store, silent, Journey.IN_TRANSIT);
		this.fixtures.expire(s);
		openSigned(this.phone, silent);
		assertThat(headline(this.phone)).isEqualTo("No recent updates");
		check(this.phone, "state-expired");
		Order none = this.fixtures.order(this.store, PageFixtures.orderNumber());
		openSigned(this.phone, none);
		assertThat(headline(this.phone)).isEqualTo("Order received");
		check(this.phone, "state-ordered");
	}

	@Test
	void aSplitOrderShowsEveryShipment() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, order, Journey.DELIVERED);
		this.fixtures.ship(this.store, order, Journey.IN_TRANSIT);
		for (ChromeDriver d : List.of(this.phone, this.desktop)) {
			openSigned(d, order);
			assertThat(headline(d)).isEqualTo("1 of 2 packages delivered");
			List<WebElement> cards = d.findElements(By.cssSelector("section.shipment"));
			assertThat(cards).hasSize(2);
			assertThat(cards.get(0).getText()).contains("Package 1 of 2", "Delivered");
			assertThat(cards.get(1).getText()).contains("Package 2 of 2", "In transit");
			check(d, "order-split");
		}
	}

	@Test
	void theShopperSwitchesLanguageWithoutJavaScript() throws IOException {
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, order, Journey.DELAYED_WEATHER);
		openSigned(this.phone, order);
		this.phone.findElement(By.cssSelector("details.lang summary")).click();
		navigate(this.phone, By.cssSelector("details.lang a[hreflang=de]"));
		assertThat(this.phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
		assertThat(headline(this.phone)).isEqualTo("Verspätet: Wetter in Memphis");
		check(this.phone, "order-delayed-de");
		this.phone.findElement(By.cssSelector("details.lang summary")).click();
		navigate(this.phone, By.cssSelector("details.lang a[hreflang=pt-BR]"));
		assertThat(headline(this.phone)).isEqualTo("Atrasado: mau tempo em Memphis");
		this.phone.get(url("/t/" + this.store.getSlug()));
		assertThat(headline(this.phone)).isEqualTo("Acompanhe seu pedido");
		check(this.phone, "lookup-pt-br");
	}

	@Test
	void errorPagesAreFriendlyAndAccessible() throws IOException {
		this.desktop.get(url("/t/" + this.store.getSlug() + "/no/such/page"));
		assertThat(headline(this.desktop)).isEqualTo("We can’t find that page");
		check(this.desktop, "error-404");
		Order order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		for (int i = 0; i < 6; i++) {
			lookUp(this.phone, order, "guess" + i + "@example.com");
		}
		assertThat(headline(this.phone)).isEqualTo("Too many tries");
		check(this.phone, "error-429");
	}

}
