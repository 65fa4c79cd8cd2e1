package dev.beacon.web.page;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.beacon.order.Order;
import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Store;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageFixtures.Journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The tracking page over MockMvc: proof of ownership, signed links, privacy of the
 * tracking-number view, help requests, rate limits, headers, languages and errors.
 */
class TrackingPageTests extends PageTestSupport {

	@Autowired
	PageEstimateConfidence confidence;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionsBegun transactions;

	PageFixtures fixtures;

	Store store;

	Order order;

	String ip;

	@BeforeEach
	void data() {
		this.fixtures = fixtures();
		this.store = this.fixtures.store("en");
		this.order = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.ip = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	private String lookupUrl() {
		return "/t/" + this.store.getSlug();
	}

	private String orderUrl(Order o) {
		return "/t/" + this.store.getSlug() + "/orders/" + o.getOrderNumber();
	}

	private MvcResult lookup(String orderNumber, String contact, String client) throws Exception {
		return this.mvc
			.perform(post(lookupUrl()).with(csrf())
				.with(client(client))
				.param("orderNumber", orderNumber)
				.param("contact", contact))
			.andReturn();
	}

	private Cookie grant(Order o) throws Exception {
		MvcResult r = lookup(o.getOrderNumber(), "ana@example.com", this.ip);
		assertThat(r.getResponse().getStatus()).isEqualTo(303);
		return r.getResponse().getCookie(AccessGrants.COOKIE);
	}

	private String body(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString();
	}

	@Test
	void lookupFormIsBrandedLocalizedAndSendsSecurityHeaders() throws Exception {
		MvcResult r = this.mvc.perform(get(lookupUrl()).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9"))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		String html = body(r);
		assertThat(html).contains("Bestellung verfolgen", "Northwind Coffee", "help@northwind.example", "lang=\"de\"",
				"name=\"_csrf\"");
		String csp = r.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'",
				"form-action 'self'");
		assertThat(csp).doesNotContain("unsafe-inline");
		String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(html).contains("nonce=\"" + nonce + "\"");
		assertThat(html).doesNotContain("<script>").doesNotContain(" style=\"");
		// the asset links as the layout writes them (no resource URL rewriting, fix 15)
		assertThat(html).contains("href=\"/web/page.css?v=3\"", "src=\"/web/page.js?v=3\"");
		assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(r.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(r.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(r.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(r.getResponse().getHeader("Content-Language")).isEqualTo("de");
	}

	@Test
	void assetsAreServedWithTheSameHeadersAndCacheable() throws Exception {
		MvcResult r = this.mvc.perform(get("/web/page.css")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		assertThat(r.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(r.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(r.getResponse().getHeader("Cache-Control")).contains("max-age=604800");
	}

	@Test
	void lookupWithEmailOpensTheOrderOnACleanUrl() throws Exception {
		this.fixtures.ship(this.store, this.order, Journey.DELAYED_WEATHER);
		MvcResult r = lookup(" #" + this.order.getOrderNumber(), "ANA@Example.com ", this.ip);
		assertThat(r.getResponse().getStatus()).isEqualTo(303);
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(orderUrl(this.order));
		Cookie grant = r.getResponse().getCookie(AccessGrants.COOKIE);
		assertThat(grant).isNotNull();
		assertThat(grant.isHttpOnly()).isTrue();
		assertThat(grant.getPath()).isEqualTo(orderUrl(this.order));
		String html = body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant).with(client(this.ip))).andReturn());
		assertThat(html).contains("Delayed: weather in Memphis", "What to do first", "Ethiopia Guji, 1 kg", "Ana L.",
				"Memphis, TN 381**", "Sandbox Express", "https://sandbox.example/track/SBX1", "aria-current=\"step\"",
				"Tracking history");
		Document page = Jsoup.parse(html);
		// the exact rendered field: masked name, city and postal prefix only
		assertThat(page.select("section[aria-labelledby=items] p span").text())
			.isEqualTo("Ana L., Memphis, TN 381**, US");
		assertThat(page.select("main *").eachText())
			.noneMatch((t) -> t.contains("ana@example.com") || t.contains("Ana Lima") || t.contains("38103"));
		assertThat(html).contains("It’s still on its way, but later than planned.");
	}

	@Test
	void lookupWithPostalCodeWorksToo() throws Exception {
		MvcResult r = lookup(this.order.getOrderNumber(), "381 03", this.ip);
		assertThat(r.getResponse().getStatus()).isEqualTo(303);
		String html = body(this.mvc
			.perform(get(orderUrl(this.order)).cookie(r.getResponse().getCookie(AccessGrants.COOKIE))
				.with(client(this.ip)))
			.andReturn());
		assertThat(html).contains("Order received", "Northwind Coffee is preparing your order");
	}

	@Test
	void wrongEmailAndUnknownOrderLookTheSame() throws Exception {
		MvcResult wrongEmail = lookup(this.order.getOrderNumber(), "eve@example.com", this.ip);
		MvcResult noSuchOrder = lookup("NW-DOES-NOT-EXIST", "eve@example.com", this.ip);
		assertThat(wrongEmail.getResponse().getStatus()).isEqualTo(noSuchOrder.getResponse().getStatus())
			.isEqualTo(200);
		assertThat(wrongEmail.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
		assertThat(noSuchOrder.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
		assertThat(normalize(body(wrongEmail), this.order.getOrderNumber()))
			.isEqualTo(normalize(body(noSuchOrder), "NW-DOES-NOT-EXIST"));
		assertThat(body(wrongEmail)).contains("We couldn’t find an order with those details");
	}

	/** Drops what differs by design: nonce, CSRF token and the echoed order number. */
	private static String normalize(String html, String orderNumber) {
		return html.replaceAll("nonce=\"[^\"]+\"", "")
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
			.replace(orderNumber, "#");
	}

	@Test
	void formsNeedTheCsrfToken() throws Exception {
		MvcResult r = this.mvc
			.perform(post(lookupUrl()).with(client(this.ip))
				.param("orderNumber", this.order.getOrderNumber())
				.param("contact", "ana@example.com"))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(403);
		assertThat(r.getResponse().getForwardedUrl()).isEqualTo(PageFallbackController.DENIED);
		assertThat(r.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
		MvcResult page = this.mvc.perform(get(PageFallbackController.DENIED)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(page)).contains("This form has expired").doesNotContain("Exception");
	}

	@Test
	void theOrderUrlWithoutProofAsksForItAndRevealsNothing() throws Exception {
		this.fixtures.ship(this.store, this.order, Journey.IN_TRANSIT);
		String html = body(this.mvc.perform(get(orderUrl(this.order)).with(client(this.ip))).andReturn());
		assertThat(html).contains("please confirm it with your email address or postal code", "lookup-form");
		assertThat(Jsoup.parse(html).select("main *").eachText())
			.noneMatch((t) -> t.contains("Ethiopia") || t.contains("Ana ") || t.contains("In transit"));
		String unknown = body(
				this.mvc.perform(get("/t/" + this.store.getSlug() + "/orders/NW-NOPE").with(client(this.ip)))
					.andReturn());
		assertThat(normalize(unknown, "NW-NOPE")).isEqualTo(normalize(html, this.order.getOrderNumber()));
	}

	@Test
	void aSignedLinkIsExchangedForAGrantAndSurvivesLinkScanners() throws Exception {
		String token = this.links.token(this.store.getSlug(), this.order.getOrderNumber());
		for (int i = 0; i < 2; i++) { // a mail scanner first, then the shopper
			MvcResult r = this.mvc.perform(get(orderUrl(this.order)).param("k", token).with(client(this.ip)))
				.andReturn();
			assertThat(r.getResponse().getStatus()).isEqualTo(303);
			assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(orderUrl(this.order));
			Cookie grant = r.getResponse().getCookie(AccessGrants.COOKIE);
			assertThat(grant).isNotNull();
			assertThat(
					body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant).with(client(this.ip))).andReturn()))
				.contains("Stoneware mug");
		}
		Order other = this.fixtures.order(this.store, PageFixtures.orderNumber());
		MvcResult wrongOrder = this.mvc.perform(get(orderUrl(other)).param("k", token).with(client(this.ip)))
			.andReturn();
		assertThat(wrongOrder.getResponse().getStatus()).isEqualTo(200);
		assertThat(wrongOrder.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
		assertThat(body(wrongOrder)).contains("This tracking link has expired or isn’t valid");
		String expired = "1000000000." + token.substring(token.indexOf('.') + 1);
		assertThat(
				body(this.mvc.perform(get(orderUrl(this.order)).param("k", expired).with(client(this.ip))).andReturn()))
			.contains("This tracking link has expired");
	}

	@Test
	void aGrantOpensOnlyItsOwnOrder() throws Exception {
		Cookie grant = grant(this.order);
		Order other = this.fixtures.order(this.store, PageFixtures.orderNumber());
		Cookie replayed = new Cookie(AccessGrants.COOKIE, grant.getValue());
		String html = body(this.mvc.perform(get(orderUrl(other)).cookie(replayed).with(client(this.ip))).andReturn());
		assertThat(html).contains("lookup-form").doesNotContain("Stoneware mug");
		Cookie forged = new Cookie(AccessGrants.COOKIE, "9999999999." + grant.getValue().substring(11));
		assertThat(body(this.mvc.perform(get(orderUrl(this.order)).cookie(forged).with(client(this.ip))).andReturn()))
			.doesNotContain("Stoneware mug");
	}

	@Test
	void aTrackingNumberAloneShowsStatusAndHistoryButNoOrderDetails() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.DELIVERED);
		MvcResult r = this.mvc
			.perform(get("/t/" + this.store.getSlug() + "/track").param("number", s.trackingNumber().toLowerCase())
				.with(client(this.ip)))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(body(r));
		assertThat(page.select("main h1").text()).isEqualTo("Package " + s.trackingNumber());
		assertThat(page.select("main .shipment .headline, main .hero h1").eachText()).contains("Delivered");
		// the shipment's facts are carrier and tracking number, nothing of the order
		assertThat(page.select("main dl.facts dd").eachText()).containsExactly("Sandbox Express", s.trackingNumber());
		assertThat(page.select("main .scans .desc").eachText()).contains("Delivered, signed by ***")
			.noneMatch((d) -> d.contains("JSMITH"));
		// no order number, items, shopper or address anywhere on the page
		assertThat(page.select("main .kicker, main [aria-labelledby=items]")).isEmpty();
		assertThat(page.select("main *").eachText()).noneMatch((t) -> t.equals(this.order.getOrderNumber())
				|| t.contains("Ethiopia") || t.contains("Ana ") || t.contains("381**"));
		MvcResult none = this.mvc
			.perform(
					get("/t/" + this.store.getSlug() + "/track").param("number", "SBX0000000000").with(client(this.ip)))
			.andReturn();
		assertThat(none.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(none)).contains("We couldn’t find a package with tracking number SBX0000000000");
	}

	@Test
	void aHelpRequestIsRecordedForTheConsoleAndConfirmed() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.ADDRESS);
		Cookie grant = grant(this.order);
		String form = body(
				this.mvc.perform(get(orderUrl(this.order) + "/help").cookie(grant).with(client(this.ip))).andReturn());
		assertThat(form).contains("value=\"WRONG_ADDRESS\" checked", "What to do first", "Check your address");
		MvcResult r = this.mvc
			.perform(post(orderUrl(this.order) + "/help").with(csrf())
				.cookie(grant)
				.with(client(this.ip))
				.param("topic", "WRONG_ADDRESS")
				.param("message", "The street number should be 12, not 21."))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(303);
		List<HelpRequest> raised = this.support.forOrder(this.store.getId(), this.order.getId());
		assertThat(raised).singleElement().satisfies((h) -> {
			assertThat(h.getTopic()).isEqualTo(HelpTopic.WRONG_ADDRESS);
			assertThat(h.getSource()).isEqualTo("page");
			assertThat(h.getContactEmail()).isEqualTo("ana@example.com");
			assertThat(h.getShipmentId()).isNull();
		});
		assertThat(r.getResponse().getRedirectedUrl())
			.isEqualTo(orderUrl(this.order) + "/help/" + raised.get(0).getId());
		String sent = body(this.mvc.perform(get(r.getResponse().getRedirectedUrl()).cookie(grant).with(client(this.ip)))
			.andReturn());
		assertThat(sent).contains("Thanks, we’ve got your message",
				"Northwind Coffee will reply by email to a***@e***.com", "The address is wrong");
		assertThat(s).isNotNull();
	}

	@Test
	void anOrderTakesThreeOpenHelpRequestsThenAnswersPolitelyWith429() throws Exception {
		Cookie grant = grant(this.order);
		for (int i = 1; i <= 3; i++) {
			MvcResult ok = this.mvc
				.perform(post(orderUrl(this.order) + "/help").with(csrf())
					.cookie(grant)
					.with(client(this.ip))
					.param("topic", "WHERE_IS_IT")
					.param("message", "Question " + i))
				.andReturn();
			assertThat(ok.getResponse().getStatus()).isEqualTo(303);
		}
		MvcResult refused = this.mvc
			.perform(post(orderUrl(this.order) + "/help").with(csrf())
				.cookie(grant)
				.with(client(this.ip))
				.param("topic", "WHERE_IS_IT")
				.param("message", "Question 4"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		Document page = Jsoup.parse(body(refused));
		assertThat(page.select("#limit").text()).isEqualTo("We already have your earlier questions about this order "
				+ "and will answer them soon. You can ask again once they are answered, or tomorrow.");
		assertThat(page.select("#message").text()).isEqualTo("Question 4");
		assertThat(this.support.forOrder(this.store.getId(), this.order.getId())).hasSize(3);
	}

	@Test
	void badHelpInputChangesNothing() throws Exception {
		Cookie grant = grant(this.order);
		MvcResult r = this.mvc
			.perform(post(orderUrl(this.order) + "/help").with(csrf())
				.cookie(grant)
				.with(client(this.ip))
				.param("topic", "NOPE")
				.param("message", "  "))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(r)).contains("Choose what you need help with.", "Write a short message", "role=\"alert\"");
		MvcResult noGrant = this.mvc
			.perform(post(orderUrl(this.order) + "/help").with(csrf())
				.with(client(this.ip))
				.param("topic", "OTHER")
				.param("message", "hello"))
			.andReturn();
		assertThat(noGrant.getResponse().getStatus()).isEqualTo(303);
		assertThat(this.support.forOrder(this.store.getId(), this.order.getId())).isEmpty();
		MvcResult badId = this.mvc
			.perform(get(orderUrl(this.order) + "/help/not-a-uuid").cookie(grant).with(client(this.ip)))
			.andReturn();
		assertThat(badId.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(badId)).contains("Something in that request wasn’t right");
		MvcResult otherId = this.mvc
			.perform(get(orderUrl(this.order) + "/help/" + UUID.randomUUID()).cookie(grant).with(client(this.ip)))
			.andReturn();
		assertThat(otherId.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void lookupsArePerClientRateLimitedWithAPolite429() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.IN_TRANSIT);
		String client = "10.9.9." + (int) (Math.random() * 250);
		MvcResult r = null;
		for (int i = 0; i < 200 && (r == null || r.getResponse().getStatus() != 429); i++) {
			r = this.mvc
				.perform(get("/t/" + this.store.getSlug() + "/track").param("number", s.trackingNumber())
					.with(client(client)))
				.andReturn();
		}
		assertThat(r.getResponse().getStatus()).isEqualTo(429);
		assertThat(r.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(body(r)).contains("Too many tries", "Northwind Coffee").doesNotContain("Exception");
		assertThat(this.mvc
			.perform(get("/t/" + this.store.getSlug() + "/track").param("number", s.trackingNumber())
				.with(client(client + "1")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void failedProofsLockTheGuessingClientNotTheOrdersOwner() throws Exception {
		String guesser = "10.7.0.1";
		for (int i = 0; i < 5; i++) {
			assertThat(lookup(this.order.getOrderNumber(), "guess" + i + "@example.com", guesser).getResponse()
				.getStatus()).isEqualTo(200);
		}
		// the guesser is locked out of this order, even with the right answer
		MvcResult locked = lookup(this.order.getOrderNumber(), "ana@example.com", guesser);
		assertThat(locked.getResponse().getStatus()).isEqualTo(429);
		assertThat(locked.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(locked.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
		// the owner, who has not failed, is not
		assertThat(lookup(this.order.getOrderNumber(), "ana@example.com", this.ip).getResponse().getStatus())
			.isEqualTo(303);
		String token = this.links.token(this.store.getSlug(), this.order.getOrderNumber());
		assertThat(this.mvc.perform(get(orderUrl(this.order)).param("k", token).with(client(guesser)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(303);
	}

	@Test
	void fiveWrongProofsFromFiveClientsDoNotLockTheOwnerOut() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(lookup(this.order.getOrderNumber(), "guess" + i + "@example.com", "10.8.0." + i).getResponse()
				.getStatus()).isEqualTo(200);
		}
		assertThat(lookup(this.order.getOrderNumber(), "ana@example.com", this.ip).getResponse().getStatus())
			.isEqualTo(303);
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(lookup(this.order.getOrderNumber(), "guess" + i + "@example.com", "2001:db8:1:2::" + (i + 1))
				.getResponse()
				.getStatus()).isEqualTo(200);
		}
		assertThat(lookup(this.order.getOrderNumber(), "ana@example.com", "2001:db8:1:2:ffff::9").getResponse()
			.getStatus()).isEqualTo(429);
		assertThat(lookup(this.order.getOrderNumber(), "ana@example.com", "2001:db8:1:3::1").getResponse().getStatus())
			.isEqualTo(303);
	}

	@Test
	void aRightProofIsRefundedSoItNeverCountsTowardsTheLock() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(lookup(this.order.getOrderNumber(), "ana@example.com", this.ip).getResponse().getStatus())
				.isEqualTo(303);
		}
	}

	@Test
	void theOrderNumberIsFoundWhateverItsCase() throws Exception {
		Order upper = this.fixtures.order(this.store, PageFixtures.orderNumber());
		MvcResult r = lookup(upper.getOrderNumber().toLowerCase(java.util.Locale.ROOT), "ana@example.com", this.ip);
		assertThat(r.getResponse().getStatus()).isEqualTo(303);
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(orderUrl(upper));
	}

	@Test
	void anExpiryBeyondTheCalendarIsAnInvalidGrantOrLinkNeverA500() throws Exception {
		Cookie huge = new Cookie(AccessGrants.COOKIE, "99999999999999999.abc");
		MvcResult grant = this.mvc.perform(get(orderUrl(this.order)).cookie(huge).with(client(this.ip))).andReturn();
		assertThat(grant.getResponse().getStatus()).isEqualTo(200);
		assertThat(Jsoup.parse(body(grant)).select("form.lookup-form, #lookup-form, .lookup-form")).isNotEmpty();
		MvcResult link = this.mvc
			.perform(get(orderUrl(this.order)).param("k", "99999999999999999.abc").with(client(this.ip)))
			.andReturn();
		assertThat(link.getResponse().getStatus()).isEqualTo(200);
		assertThat(link.getResponse().getCookie(AccessGrants.COOKIE)).isNull();
	}

	@Test
	void grantCookiesAreSecureWhenTheRequestIsHttpsAndOnlyThen() throws Exception {
		MvcResult https = this.mvc
			.perform(post(lookupUrl()).secure(true)
				.with(csrf())
				.with(client(this.ip))
				.param("orderNumber", this.order.getOrderNumber())
				.param("contact", "ana@example.com"))
			.andReturn();
		assertThat(https.getResponse().getCookie(AccessGrants.COOKIE).getSecure()).isTrue();
		MvcResult http = lookup(this.order.getOrderNumber(), "ana@example.com", this.ip);
		assertThat(http.getResponse().getCookie(AccessGrants.COOKIE).getSecure()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "fr,,,Suivre votre commande", ",pt-BR,,Acompanhe seu pedido", ",,es,Sigue tu pedido",
			",ja,de,Bestellung verfolgen", ",'fr-CA,fr;q=0.9',,Suivre votre commande" })
	void languageIsTheShoppersChoiceThenTheBrowsersThenTheStores(String choice, String acceptLanguage,
			String storeDefault, String expected) throws Exception {
		Store s = (storeDefault != null) ? this.fixtures.store(storeDefault) : this.store;
		var request = get("/t/" + s.getSlug());
		if (choice != null) {
			request.param("lang", choice);
		}
		if (acceptLanguage != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		MvcResult r = this.mvc.perform(request).andReturn();
		assertThat(body(r)).contains(expected);
		if (choice != null) {
			Cookie remembered = r.getResponse().getCookie(ShopperLocales.COOKIE);
			assertThat(remembered).isNotNull();
			assertThat(body(this.mvc.perform(get("/t/" + s.getSlug()).cookie(remembered)).andReturn()))
				.contains(expected);
		}
	}

	@Test
	void errorsArePagesNotStackTraces() throws Exception {
		MvcResult noStore = this.mvc.perform(get("/t/no-such-store-here")).andReturn();
		assertThat(noStore.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(noStore)).contains("We can’t find that page").doesNotContain("Exception");
		MvcResult deep = this.mvc.perform(get("/t/" + this.store.getSlug() + "/what/ever")).andReturn();
		assertThat(deep.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(deep)).contains("Northwind Coffee", "Go to order lookup");
		assertThat(deep.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'none'");
		MvcResult badSlug = this.mvc.perform(get("/t/Bad_Slug")).andReturn();
		assertThat(badSlug.getResponse().getStatus()).isEqualTo(404);
		MvcResult invalid = this.mvc
			.perform(post(lookupUrl()).with(csrf()).with(client(this.ip)).param("orderNumber", "").param("contact", ""))
			.andReturn();
		assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(invalid)).contains("Please enter your order number");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "LABEL|Label created|ok", "IN_TRANSIT|In transit|ok", "OUT_FOR_DELIVERY|Out for delivery|ok",
					"DELIVERED|Delivered|done", "DELAYED_WEATHER|Delayed: weather in Memphis|warn",
					"ATTEMPTED|Delivery attempted|warn", "ADDRESS|Action needed: address problem|bad",
					"DAMAGED|Problem: package damaged|bad", "PICKUP|Ready for pickup|ok",
					"RETURNING|Returning to sender|bad", "LOST|Problem: package lost|bad" })
	void everyStateHasAPlainLanguageHeadline(Journey journey, String headline, String tone) throws Exception {
		this.fixtures.ship(this.store, this.order, journey);
		Cookie grant = grant(this.order);
		String html = body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant).with(client(this.ip))).andReturn());
		assertThat(html).contains("<h1 id=\"headline\">" + headline + "</h1>");
		assertThat(html).contains("hero status " + tone);
		if (!tone.equals("ok")) {
			assertThat(html).containsAnyOf("What to do first", "Can’t find it?");
		}
	}

	@Test
	void anExpiredShipmentSaysSoAndWhatToDo() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.IN_TRANSIT);
		this.fixtures.expire(s);
		String html = body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant(this.order)).with(client(this.ip)))
			.andReturn());
		assertThat(html).contains("No recent updates", "Ask us: we’ll check with the carrier");
	}

	@Test
	void aSplitOrderShowsEveryShipmentWithAConstantNumberOfStatements() throws Exception {
		Order single = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, single, Journey.IN_TRANSIT);
		this.fixtures.ship(this.store, this.order, Journey.DELIVERED);
		this.fixtures.ship(this.store, this.order, Journey.OUT_FOR_DELIVERY);
		this.fixtures.ship(this.store, this.order, Journey.DELAYED_WEATHER);
		Cookie singleGrant = grant(single);
		Cookie splitGrant = grant(this.order);
		long singleCount = statements(orderUrl(single), singleGrant);
		long splitCount = statements(orderUrl(this.order), splitGrant);
		assertThat(singleCount).isBetween(3L, 6L);
		assertThat(splitCount).isEqualTo(singleCount);
		String html = body(
				this.mvc.perform(get(orderUrl(this.order)).cookie(splitGrant).with(client(this.ip))).andReturn());
		assertThat(html).contains("This order comes in 3 packages.", "Package 1 of 3", "Package 2 of 3",
				"Package 3 of 3", "Delayed: weather in Memphis");
		assertThat(html.split("class=\"timeline\"")).hasSize(4);
	}

	@Test
	void aProvenPageViewReadsInAutocommitWithoutATransaction() throws Exception {
		this.fixtures.ship(this.store, this.order, Journey.IN_TRANSIT);
		Cookie grant = grant(this.order);
		// the first view reads the store and keeps it
		this.mvc.perform(get(orderUrl(this.order)).cookie(grant).with(client(this.ip))).andReturn();
		long begun = this.transactions.count(() -> {
			MvcResult r = this.mvc.perform(get(orderUrl(this.order)).cookie(grant).with(client(this.ip))).andReturn();
			assertThat(r.getResponse().getStatus()).isEqualTo(200);
			assertThat(body(r)).contains("In transit");
		});
		assertThat(begun).isZero();
		// what the count sees: a read-only transaction on this thread
		assertThat(this.transactions.count(() -> this.shipments.ofOrder(this.order.getId()))).isEqualTo(1);
	}

	@Test
	void theWindowSaysHowSureItIsAndWhyItSlippedInTheRenderedFields() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.DELAYED_WEATHER);
		DeliveryWindow window = s.estimatedDelivery();
		assertThat(window).isNotNull();
		LocalDate first = window.latest().minusDays(2);
		this.confidence.state(s.id(), window, new EstimateConfidence.Stated(0.93, first));
		Document page = Jsoup
			.parse(body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant(this.order)).with(client(this.ip)))
				.andReturn()));
		int year = LocalDate.now(this.store.getTimeZone()).getYear();
		assertThat(page.select("section.hero p.sure").eachText()).containsExactly(
				"9 in 10 similar orders arrived by " + PageDates.date(window.latest(), year, Locale.ENGLISH) + ".");
		assertThat(page.select("section.hero p.note").eachText()).containsExactly(
				"Later than first promised (" + PageDates.date(first, year, Locale.ENGLISH) + ") because of: weather.");
		// the same window stated nowhere: no sentence, the note from the store's promise
		// only
		Order other = this.fixtures.order(this.store, PageFixtures.orderNumber());
		this.fixtures.ship(this.store, other, Journey.IN_TRANSIT);
		Document plain = Jsoup
			.parse(body(this.mvc.perform(get(orderUrl(other)).cookie(grant(other)).with(client(this.ip))).andReturn()));
		assertThat(plain.select("p.sure")).isEmpty();
	}

	@Test
	void theScanHistoryStepsAndLanguageMenuCarryEveryFieldInTheirExactPlace() throws Exception {
		ShipmentView s = this.fixtures.ship(this.store, this.order, Journey.DELIVERED);
		Document page = Jsoup
			.parse(body(this.mvc.perform(get(orderUrl(this.order)).cookie(grant(this.order)).with(client(this.ip)))
				.andReturn()));
		List<Element> rows = page.select("main ol.scans > li");
		List<ScanView> scans = s.events();
		assertThat(rows).hasSize(scans.size());
		for (int i = 0; i < scans.size(); i++) {
			ScanView scan = scans.get(i);
			Element row = rows.get(i);
			assertThat(row.select("time[data-local]").attr("datetime")).isEqualTo(scan.occurredAt().toString());
			assertThat(row.select("time").text())
				.isEqualTo(PageDates.scanTimes(this.store.getTimeZone(), Locale.ENGLISH).format(scan.occurredAt()));
			assertThat(row.select(".desc").text()).isEqualTo(PersonalData.scrub(scan.description()));
			assertThat(row.select(".loc").text()).isEqualTo(scan.location().label());
		}
		assertThat(rows.get(0).select(".desc").text()).isEqualTo("Delivered, signed by ***");
		List<Element> steps = page.select("main ol.timeline > li");
		assertThat(steps).extracting(Element::className).containsExactly("done", "done", "done", "done", "done");
		assertThat(steps).extracting((e) -> e.select(".lbl").text())
			.containsExactly("Ordered", "Shipped", "In transit", "Out for delivery", "Delivered");
		assertThat(steps).extracting((e) -> e.select(".visually-hidden").text())
			.containsExactly("Done:", "Done:", "Done:", "Done:", "Done:");
		assertThat(steps).extracting((e) -> e.attr("aria-current")).containsExactly("", "", "", "", "step");
		List<Element> languages = page.select("header details.lang ul > li > a");
		assertThat(languages).extracting((e) -> e.attr("hreflang")).containsExactly("en", "es", "pt-BR", "de", "fr");
		assertThat(languages).extracting((e) -> e.attr("lang")).containsExactly("en", "es", "pt-BR", "de", "fr");
		assertThat(languages).extracting(Element::text)
			.containsExactly("English", "Español", "Português (Brasil)", "Deutsch", "Français");
		assertThat(languages).extracting((e) -> e.attr("href"))
			.containsExactly(orderUrl(this.order) + "?lang=en", orderUrl(this.order) + "?lang=es",
					orderUrl(this.order) + "?lang=pt-BR", orderUrl(this.order) + "?lang=de",
					orderUrl(this.order) + "?lang=fr");
		assertThat(languages).extracting((e) -> e.attr("aria-current")).containsExactly("true", "", "", "", "");
		assertThat(page.select("header details.lang summary .cur").text()).isEqualTo("English");
		assertThat(page.select("header details.lang summary .cur").attr("lang")).isEqualTo("en");
	}

	/**
	 * Every statement the page view issues on the request thread (JDBC and Hibernate
	 * alike), with the instance's copy of the store dropped first, so every call reads
	 * it.
	 */
	private long statements(String url, Cookie grant) throws Exception {
		this.stores.updateBrand(this.store.getId(), this.store.getName(), this.store.getBrand(),
				this.store.getDefaultLocale().toLanguageTag(), this.store.getTimeZone().getId(),
				this.store.getTargetReliability());
		return this.statementCounter.count(() -> {
			int status = this.mvc.perform(get(url).cookie(grant).with(client(this.ip)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).isEqualTo(200);
		});
	}

}
