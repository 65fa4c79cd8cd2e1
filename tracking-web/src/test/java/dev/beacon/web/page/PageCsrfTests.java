package dev.beacon.web.page;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.beacon.order.Order;
import dev.beacon.store.Store;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's CSRF tokens over real HTTP, as a browser sends them (MockMvc's
 * {@code csrf()} replaces the filter's token repository, so the page's own is only seen
 * here; hence a context of its own): viewing a proven order generates no token and sets
 * no cookie, and its SMS form posts only with the token bound to the order's grant.
 */
@TestPropertySource(properties = "beacon.page.test-context=csrf-over-http")
class PageCsrfTests extends PageTestSupport {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	Store store;

	Order order;

	@BeforeEach
	void data() {
		PageFixtures fixtures = fixtures();
		this.store = fixtures.store("en");
		this.order = fixtures.order(this.store, PageFixtures.orderNumber());
	}

	@Test
	void aProvenOrderViewSetsNoCsrfCookieAndItsSmsFormPostsOnlyWithTheGrantsToken() throws Exception {
		String grant = grant(this.order);
		HttpResponse<String> view = send(get(page(this.order)).header("Cookie", grant));
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().allValues("Set-Cookie")).isEmpty();
		String token = Jsoup.parse(view.body()).select("#sms-card form input[name=_csrf]").val();
		assertThat(token).isNotEmpty();
		Order other = fixtures().order(this.store, PageFixtures.orderNumber());
		String otherToken = Jsoup.parse(send(get(page(other)).header("Cookie", grant(other))).body())
			.select("#sms-card form input[name=_csrf]")
			.val();
		String sms = page(this.order) + "/sms";
		// refused: no token, another order's token, the token without the grant
		assertThat(send(post(sms, "phone=%2B15550100001").header("Cookie", grant)).statusCode()).isEqualTo(403);
		assertThat(send(post(sms, form(otherToken)).header("Cookie", grant)).statusCode()).isEqualTo(403);
		assertThat(send(post(sms, form(token))).statusCode()).isEqualTo(403);
		assertThat(this.orders.details(this.store.getId(), this.order.getOrderNumber()).orElseThrow().smsConsent())
			.isNull();
		// the token of the page, with the grant and nothing else
		HttpResponse<String> posted = send(post(sms, form(token)).header("Cookie", grant));
		assertThat(posted.statusCode()).isEqualTo(303);
		assertThat(posted.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l)
			.endsWith(PagePaths.order(this.store.getSlug(), this.order.getOrderNumber()) + "?sms=on#sms"));
		assertThat(this.orders.details(this.store.getId(), this.order.getOrderNumber()).orElseThrow().smsConsent())
			.satisfies((c) -> assertThat(c.consented()).isTrue());
	}

	@Test
	void theLookupFormKeepsTheCookieTokenAlsoForAnExpiredLinkWithAValidGrant() throws Exception {
		String grant = grant(this.order);
		HttpResponse<String> lookup = send(get(page(this.order) + "?k=1.expired").header("Cookie", grant));
		assertThat(lookup.statusCode()).isEqualTo(200);
		List<String> cookies = lookup.headers().allValues("Set-Cookie");
		assertThat(cookies).anyMatch((c) -> c.startsWith("beacon_csrf="));
		String csrf = cookies.stream().filter((c) -> c.startsWith("beacon_csrf=")).findFirst().orElseThrow();
		String token = Jsoup.parse(lookup.body()).select("#lookup-form input[name=_csrf]").val();
		String body = "_csrf=" + enc(token) + "&orderNumber=" + enc(this.order.getOrderNumber())
				+ "&contact=ana%40example.com";
		assertThat(send(post("/t/" + this.store.getSlug(), body).header("Cookie", csrf.substring(0, csrf.indexOf(';'))))
			.statusCode()).isEqualTo(303);
		assertThat(send(post("/t/" + this.store.getSlug(), body)).statusCode()).isEqualTo(403);
	}

	/** The grant cookie ({@code name=value}) a signed link exchanges. */
	private String grant(Order o) throws Exception {
		HttpResponse<String> r = send(
				get(page(o) + "?k=" + this.links.token(this.store.getSlug(), o.getOrderNumber())));
		assertThat(r.statusCode()).isEqualTo(303);
		String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith(AccessGrants.COOKIE + "=");
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private String page(Order o) {
		return PagePaths.order(this.store.getSlug(), o.getOrderNumber());
	}

	private static String form(String token) {
		return "_csrf=" + enc(token) + "&phone=%2B15550100001";
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
