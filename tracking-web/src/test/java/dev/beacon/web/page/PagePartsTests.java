package dev.beacon.web.page;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.Brand;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageModels.CardText;
import dev.beacon.web.page.PageModels.Language;
import dev.beacon.web.page.PageModels.ScanRow;
import dev.beacon.web.page.PageModels.ShipmentCard;
import dev.beacon.web.page.PageModels.Step;
import dev.beacon.web.page.PageModels.Summary;
import dev.beacon.web.page.PageModels.Tone;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's small pure parts, without Spring. */
class PagePartsTests {

	@Test
	void onlyHttpsCarrierLinksAreShown() {
		assertThat(OrderPresenter.httpsLink("https://track.example/1")).isEqualTo("https://track.example/1");
		assertThat(OrderPresenter.httpsLink("http://track.example/1")).isNull();
		assertThat(OrderPresenter.httpsLink("javascript:alert(1)")).isNull();
		assertThat(OrderPresenter.httpsLink(null)).isNull();
	}

	@Test
	void brandColoursKeepAaContrastWhateverTheStoreChose() {
		String css = BrandStyle.css(new Brand(null, "#ffe600", "not-a-colour", null, null, null, null));
		assertThat(css).contains("--brand:#ffe600", "--on-brand:#111111", "--accent:" + Brand.DEFAULT_ACCENT);
		String ink = css.replaceAll(".*--brand-ink:(#[0-9a-f]{6}).*", "$1");
		int[] c = { Integer.parseInt(ink.substring(1, 3), 16), Integer.parseInt(ink.substring(3, 5), 16),
				Integer.parseInt(ink.substring(5, 7), 16) };
		assertThat(BrandStyle.contrast(1.0, BrandStyle.luminance(c))).isGreaterThanOrEqualTo(4.5);
		assertThat(BrandStyle.css(new Brand(null, "red;}body{display:none", "#000000", null, null, null, null)))
			.doesNotContain("display");
	}

	@Test
	void acceptLanguageMatchesByTagThenByLanguage() {
		assertThat(ShopperLocales.fromHeader("pt-PT,pt;q=0.9,en;q=0.5")).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(ShopperLocales.fromHeader("ja,zh;q=0.8")).isNull();
		assertThat(ShopperLocales.fromHeader("ja, de-AT;q=0.7")).isEqualTo(Locale.GERMAN);
		assertThat(ShopperLocales.fromHeader("*;q=1, ;;;")).isNull();
		assertThat(ShopperLocales.supported("fr_CA")).isEqualTo(Locale.FRENCH);
	}

	@Test
	void personalDataIsMaskedOrScrubbed() {
		assertThat(PersonalData.maskedName(new Customer("Ana Maria Lima", null, null, null))).isEqualTo("Ana L.");
		assertThat(PersonalData.maskedEmail("ana.lima@example.co.uk")).isEqualTo("a***@e***.uk");
		assertThat(PersonalData.shipTo(new Address("38103", "Memphis", "TN", "US"))).isEqualTo("Memphis, TN 381**, US");
		assertThat(PersonalData.scrub("Delivered, Signed by: J SMITH at front door"))
			.isEqualTo("Delivered, Signed by ***");
		assertThat(PersonalData.scrub("Arrived at facility")).isEqualTo("Arrived at facility");
	}

	@Test
	void delayedAndExceptionStatesSayWhatToDoFirst() {
		assertThat(ShopperStatus.todoKey(Milestone.IN_TRANSIT, Health.ON_TRACK, null)).isNull();
		assertThat(ShopperStatus.todoKey(Milestone.IN_TRANSIT, Health.DELAYED, Reason.WEATHER)).isEqualTo("delayed");
		assertThat(ShopperStatus.todoKey(Milestone.IN_TRANSIT, Health.ACTION_REQUIRED, Reason.ADDRESS))
			.isEqualTo("ADDRESS");
		assertThat(ShopperStatus.topic(Milestone.IN_TRANSIT, Health.ACTION_REQUIRED, Reason.ADDRESS))
			.isEqualTo(HelpTopic.WRONG_ADDRESS);
		assertThat(ShopperStatus.topic(Milestone.DELIVERED, Health.ON_TRACK, null)).isEqualTo(HelpTopic.NOT_RECEIVED);
		assertThat(Timeline.stepOf(Milestone.DELIVERY_ATTEMPTED)).isEqualTo(3);
		assertThat(Timeline.stepOf(Milestone.RETURNED)).isEqualTo(-1);
	}

	@Test
	void orderNumbersArePlausibleBeforeAnyQuery() {
		assertThat(PagePaths.plausibleOrderNumber("NW-1001")).isTrue();
		assertThat(PagePaths.plausibleOrderNumber("a/b")).isFalse();
		assertThat(PagePaths.plausibleOrderNumber("x".repeat(65))).isFalse();
		assertThat(PagePaths.plausibleOrderNumber("bad\u0000")).isFalse();
		assertThat(PagePaths.order("shop", "A 1#")).isEqualTo("/t/shop/orders/A%201%23");
	}

	@Test
	void scanRowsAreTheTemplatesMarkupWithEveryValueEscaped() {
		String html = PageHtml.scans(List.of(
				new ScanRow("2026-03-02T16:00:00Z", "Mar 2, 2026, 10:00 AM", "Left <b>\"hub\"</b> & 'dock'",
						"Memphis, TN, US"),
				new ScanRow("2026-03-01T16:00:00Z", "Mar 1, 2026, 10:00 AM", "Label created", "")));
		assertThat(html).isEqualTo("<li><time data-local datetime=\"2026-03-02T16:00:00Z\">Mar 2, 2026, 10:00 AM</time>"
				+ "<span class=\"desc\">Left &lt;b&gt;&quot;hub&quot;&lt;/b&gt; &amp; &#39;dock&#39;</span>"
				+ "<span class=\"loc\">Memphis, TN, US</span></li>\n"
				+ "<li><time data-local datetime=\"2026-03-01T16:00:00Z\">Mar 1, 2026, 10:00 AM</time>"
				+ "<span class=\"desc\">Label created</span></li>\n");
		assertThat(PageHtml.scans(List.of())).isEmpty();
	}

	@Test
	void stepsMarkTheCurrentOneForAssistiveTechnology() {
		String html = PageHtml.steps(List.of(new Step("Shipped", "done", "Done", false),
				new Step("Delayed: weather in \"Memphis\"", "warn", "Needs attention", true),
				new Step("Delivered", "todo", "To do", false)));
		assertThat(html).isEqualTo(
				"<li class=\"done\"><span class=\"dot\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Done: </span>"
						+ "<span class=\"lbl\">Shipped</span></li>\n"
						+ "<li class=\"warn\" aria-current=\"step\"><span class=\"dot\" aria-hidden=\"true\"></span>"
						+ "<span class=\"visually-hidden\">Needs attention: </span>"
						+ "<span class=\"lbl\">Delayed: weather in &quot;Memphis&quot;</span></li>\n"
						+ "<li class=\"todo\"><span class=\"dot\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">To do: </span>"
						+ "<span class=\"lbl\">Delivered</span></li>\n");
	}

	@Test
	void theLanguageMenuLinksEachLanguageInItsOwnLanguageWithAnEscapedHref() {
		List<Language> languages = List.of(new Language("en", "English", "/t/s/orders/1?a=\"x\"&lang=en", false),
				new Language("pt-BR", "Português (Brasil)", "/t/s/orders/1?lang=pt-BR", true));
		assertThat(PageHtml.languages(languages)).isEqualTo(
				"<li><a href=\"/t/s/orders/1?a=&quot;x&quot;&amp;lang=en\" hreflang=\"en\" lang=\"en\">English</a></li>\n"
						+ "<li><a href=\"/t/s/orders/1?lang=pt-BR\" hreflang=\"pt-BR\" lang=\"pt-BR\" aria-current=\"true\">"
						+ "Português (Brasil)</a></li>\n");
		assertThat(PageHtml.currentLanguage(languages))
			.isEqualTo("<span class=\"cur\" lang=\"pt-BR\">Português (Brasil)</span>");
	}

	@Test
	void cachedScanTimesAndZoneNamesAreTheLocalizedOnes() {
		ZoneId chicago = ZoneId.of("America/Chicago");
		java.time.Instant at = java.time.Instant.parse("2026-03-02T16:00:00Z");
		for (Locale locale : ShopperLocales.SUPPORTED) {
			assertThat(PageDates.scanTimes(chicago, locale).format(at)).isEqualTo(java.time.format.DateTimeFormatter
				.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
				.withLocale(locale)
				.withZone(chicago)
				.format(at));
			assertThat(PageDates.zoneName(chicago, locale))
				.isEqualTo(chicago.getDisplayName(java.time.format.TextStyle.FULL, locale));
		}
		// the zone applies: 16:00 UTC is 10 in the morning in Chicago
		assertThat(PageDates.scanTimes(chicago, Locale.ENGLISH).format(at)).startsWith("Mar 2, 2026, 10:00");
	}

	@Test
	void aCardAmongSeveralPackagesHasItsOwnStatusAndEveryFieldEscaped() {
		CardText text = new CardText("Your package", "Package 2 of 3", "What to do first", "Delivery progress",
				"Carrier", "Tracking number", "(opens in a new tab)", "Tracking history",
				"Times shown in your time zone.", "No scans yet.");
		Summary summary = new Summary(Tone.WARN, "Needs attention", "Delayed: weather in <Memphis>",
				"It is on its way.", "Nothing to do & wait", null, "Estimated Thursday", "Later than first promised",
				"2026-03-05", null, "9 in 10 similar orders arrived by Thursday");
		ShipmentCard card = new ShipmentCard("id-1", 2, 3, summary, "UPS \"Ground\"", "1Z999",
				"https://ups.example/t?n=1Z999&x=1", "Track on UPS", List.of(new Step("Shipped", "done", "Done", true)),
				List.of(new ScanRow("2026-03-02T16:00:00Z", "Mar 2", "Arrived", "Memphis")),
				"Times shown in Central Time.", text);
		String step = PageHtml.steps(card.steps());
		String scans = PageHtml.scans(card.scans());
		assertThat(card.html(true)).isEqualTo("<h2 id=\"s-id-1\">Package 2 of 3</h2>\n"
				+ "<div class=\"status warn\">\n"
				+ "<p class=\"tone\"><span class=\"icon\" aria-hidden=\"true\"></span><span>Needs attention</span></p>\n"
				+ "<p class=\"headline\">Delayed: weather in &lt;Memphis&gt;</p>\n" + "<p>It is on its way.</p>\n"
				+ "<p class=\"window\" data-local-when=\"2026-03-05\">Estimated Thursday</p>\n"
				+ "<p class=\"sure\">9 in 10 similar orders arrived by Thursday</p>\n"
				+ "<p class=\"note\">Later than first promised</p>\n"
				+ "<p class=\"todo-inline\"><strong>What to do first</strong> <span>Nothing to do &amp; wait</span></p>\n"
				+ "</div>\n" + "<h3 class=\"visually-hidden\" id=\"p-id-1\">Delivery progress</h3>\n"
				+ "<ol class=\"timeline\" aria-labelledby=\"p-id-1\">" + step + "</ol>\n" + "<dl class=\"facts\">\n"
				+ "<div><dt>Carrier</dt><dd>UPS &quot;Ground&quot;</dd></div>\n"
				+ "<div><dt>Tracking number</dt><dd class=\"mono\">1Z999</dd></div>\n" + "</dl>\n"
				+ "<p><a class=\"ext\" href=\"https://ups.example/t?n=1Z999&amp;x=1\" target=\"_blank\" rel=\"noopener noreferrer\">"
				+ "<span>Track on UPS</span><span class=\"visually-hidden\"> (opens in a new tab)</span></a></p>\n"
				+ "<h3>Tracking history</h3>\n"
				+ "<p class=\"hint\" data-local-note=\"Times shown in your time zone.\">Times shown in Central Time.</p>\n"
				+ "<ol class=\"scans\">" + scans + "</ol>\n");
	}

	@Test
	void aSingleCardHasNoStatusOfItsOwnAndSaysWhenNoScanCameYet() {
		CardText text = new CardText("Your package", "Package 1 of 1", "What to do first", "Delivery progress",
				"Carrier", "Tracking number", "(opens in a new tab)", "Tracking history",
				"Times shown in your time zone.", "No scans yet.");
		Summary summary = new Summary(Tone.OK, "On track", "Label created", "The store is preparing it.", null, null,
				null, null, null, null);
		ShipmentCard card = new ShipmentCard("id-2", 1, 1, summary, "Sandbox Express", "SBX1", null, null, List.of(),
				List.of(), "Times shown in Central Time.", text);
		assertThat(card.html(false)).isEqualTo("<h2 id=\"s-id-2\">Your package</h2>\n"
				+ "<h3 class=\"visually-hidden\" id=\"p-id-2\">Delivery progress</h3>\n"
				+ "<ol class=\"timeline\" aria-labelledby=\"p-id-2\"></ol>\n" + "<dl class=\"facts\">\n"
				+ "<div><dt>Carrier</dt><dd>Sandbox Express</dd></div>\n"
				+ "<div><dt>Tracking number</dt><dd class=\"mono\">SBX1</dd></div>\n" + "</dl>\n"
				+ "<h3>Tracking history</h3>\n" + "<p>No scans yet.</p>\n");
		assertThat(card.html(true)).startsWith("<h2 id=\"s-id-2\">Package 1 of 1</h2>\n<div class=\"status ok\">");
	}

}
