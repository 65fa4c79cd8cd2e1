package dev.beacon.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch that moves metrics and API docs to a management port of their own
 * ({@code management.server.port} with {@code springdoc.use-management-port=true}):
 * {@code /actuator/health} stays on the server port without authentication, while
 * Prometheus and the API docs answer only on the management port, still behind the
 * metrics token. Its own context (a second port cannot be switched on in the shared one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "beacon.operator.api-key=test-operator-key-0123456789",
				"beacon.link-secret=test-link-secret-0123456789abcdef-0123",
				"beacon.public-base-url=https://track.example.test", "beacon.carriers.poll.enabled=false",
				"beacon.webhooks.dispatch=false", "management.server.port=0", "springdoc.use-management-port=true",
				"beacon.ops.metrics-token=scrape-token-0123456789" })
class ManagementPortIntegrationTests {

	@LocalServerPort
	int serverPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthStaysOnTheServerPortWithoutAuthenticationAndWithoutDetails() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.serverPort);
		HttpResponse<String> health = get(this.serverPort, "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).properties()).singleElement()
			.satisfies((e) -> assertThat(e.getKey()).isEqualTo("status"));
		assertThat(this.json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsAndApiDocsAreOnlyOnTheManagementPortBehindTheToken() throws Exception {
		assertThat(get(this.serverPort, "/actuator/prometheus", "scrape-token-0123456789").statusCode()).isEqualTo(404);
		assertThat(get(this.serverPort, "/v3/api-docs", "scrape-token-0123456789").statusCode()).isEqualTo(404);

		assertThat(get(this.managementPort, "/actuator/prometheus", null).statusCode()).isIn(401, 403);
		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus", "scrape-token-0123456789");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain").doesNotContain("html"));
		assertThat(get(this.managementPort, "/actuator/openapi", null).statusCode()).isIn(401, 403);
		HttpResponse<String> docs = get(this.managementPort, "/actuator/openapi", "scrape-token-0123456789");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(docs.body()).get("openapi").asString()).startsWith("3.");
		assertThat(get(this.managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
