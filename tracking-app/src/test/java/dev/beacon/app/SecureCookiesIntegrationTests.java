package dev.beacon.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.order.Customer;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.PlaceOrder;
import dev.beacon.order.TrackingLinks;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session and grant cookies are Secure when the request is https, here through a trusted
 * proxy's {@code X-Forwarded-Proto} under {@code server.forward-headers-strategy=native}
 * (Tomcat trusts 127.0.0.1 by default), and plain http on 127.0.0.1 still signs in and
 * opens orders. A real server (the shared random-port context), as the forwarded headers
 * are read by Tomcat, not by MockMvc.
 */
@BeaconIntegrationTest
class SecureCookiesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	TrackingLinks links;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Store store;

	private String username;

	@BeforeEach
	void fixture() {
		this.store = this.stores.provision(new NewStore("Cookies", TestStores.uniqueSlug("cookies"), null, null))
			.store();
		this.orders.place(this.store.getId(), new PlaceOrder("C-1", Instant.parse("2026-11-30T10:00:00Z"),
				new Customer("Ana", "ana@example.com", null, null), null, null, null, List.of(), false));
		this.username = TestStores.uniqueSlug("agent");
		this.users.createUser(this.username, "Agent", "long enough password", Role.AGENT, Set.of(this.store.getId()));
	}

	@Test
	void behindATrustedTlsProxyTheSessionAndGrantCookiesAreSecure() throws Exception {
		HttpResponse<String> signedIn = signIn(true);
		assertThat(cookie(signedIn, "JSESSIONID")).contains("; Secure");
		HttpResponse<String> opened = openSignedLink(true);
		assertThat(cookie(opened, "beacon_order")).contains("; Secure");
	}

	@Test
	void plainHttpOnLoopbackStillSignsInAndOpensOrders() throws Exception {
		HttpResponse<String> signedIn = signIn(false);
		String session = cookie(signedIn, "JSESSIONID");
		assertThat(session).doesNotContain("; Secure");
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/console"));
		HttpResponse<String> console = send(get("/console", false).header("Cookie", pair(session)).build());
		assertThat(console.statusCode()).isEqualTo(200);

		HttpResponse<String> opened = openSignedLink(false);
		String grant = cookie(opened, "beacon_order");
		assertThat(grant).doesNotContain("; Secure");
		String orderPath = URI.create(this.links.orderPage(this.store.getSlug(), "C-1")).getPath();
		HttpResponse<String> order = send(get(orderPath, false).header("Cookie", pair(grant)).build());
		assertThat(order.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> signIn(boolean https) throws Exception {
		HttpResponse<String> form = send(get("/console/login", https).build());
		assertThat(form.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String body = "username=" + enc(this.username) + "&password=" + enc("long enough password") + "&_csrf="
				+ enc(csrf.group(1));
		HttpRequest.Builder post = request("/console/login", https).header("Content-Type",
				"application/x-www-form-urlencoded");
		form.headers().allValues("Set-Cookie").stream().findFirst().ifPresent((c) -> post.header("Cookie", pair(c)));
		HttpResponse<String> response = send(post.POST(HttpRequest.BodyPublishers.ofString(body)).build());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error").doesNotContain("locked"));
		return response;
	}

	private HttpResponse<String> openSignedLink(boolean https) throws Exception {
		URI link = URI.create(this.links.signedOrderPage(this.store.getSlug(), "C-1"));
		HttpResponse<String> response = send(get(link.getRawPath() + "?" + link.getRawQuery(), https).build());
		assertThat(response.statusCode()).isBetween(200, 303);
		return response;
	}

	private HttpRequest.Builder get(String path, boolean https) {
		return request(path, https).GET();
	}

	private HttpRequest.Builder request(String path, boolean https) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		return https ? builder.header("X-Forwarded-Proto", "https") : builder;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}

	private static String pair(String setCookie) {
		int semi = setCookie.indexOf(';');
		return (semi < 0) ? setCookie : setCookie.substring(0, semi);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
