package dev.beacon.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.beacon.BeaconIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-check of the application's request mappings never skips a mapping that could
 * match: for every pattern of every mapping of the assembled application, a path the
 * pattern matches passes the check; the status API's path still finds its handler through
 * it; and it is asked before the actuator's endpoint mapping, which still serves its
 * paths on the server port.
 */
@BeaconIntegrationTest
class PrefixCheckedMappingsIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void noMappingIsSkippedForAPathItsPatternsMatch() {
		assertThat(this.mappings).isInstanceOf(PrefixCheckedMappings.class);
		PrefixCheckedMappings checked = (PrefixCheckedMappings) this.mappings;
		List<String> checkedPaths = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = sample(pattern.getPatternString());
				if (!pattern.matches(PathContainer.parsePath(path))) {
					continue; // a variable with a regex the sample does not meet
				}
				assertThat(checked.couldMatch(info, path)).as(pattern + " for " + path).isTrue();
				checkedPaths.add(path);
			}
		}
		assertThat(checkedPaths).hasSizeGreaterThan(50).contains("/api/v1/orders/v1");
		assertThat(checked.couldMatch(info("/api/v1/orders/{orderNumber}"), "/api/v1/stores")).isFalse();
		assertThat(checked.couldMatch(info("/t/{slug}/**"), "/t/acme/orders/1")).isTrue();
	}

	@Test
	void theStatusApiFindsItsHandler() throws Exception {
		for (String path : new String[] { "/api/v1/orders/BO-1", "/api/v1/orders/BO%2D1", "/api/v1/orders/BO-1;x=1" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			HandlerExecutionChain chain = this.mappings.getHandler(request);
			assertThat(chain).as(path).isNotNull();
			HandlerMethod handler = (HandlerMethod) chain.getHandler();
			assertThat(handler.getBeanType().getSimpleName()).isEqualTo("OrdersApiController");
			assertThat(handler.getMethod().getName()).isEqualTo("get");
		}
	}

	@Test
	void theApplicationsMappingsAreAskedBeforeTheActuatorsWhichKeepsItsPaths() throws Exception {
		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		// the server port's dispatcher (initialized by the request above)
		List<HandlerMapping> order = this.context.getBean(DispatcherServlet.class).getHandlerMappings();
		WebMvcEndpointHandlerMapping actuator = this.context.getBean(WebMvcEndpointHandlerMapping.class);
		assertThat(order).contains(this.mappings, actuator);
		assertThat(order.indexOf(this.mappings)).isLessThan(order.indexOf(actuator));
		// no application mapping takes a path of the actuator's
		List<String> actuatorPaths = new ArrayList<>();
		for (RequestMappingInfo info : actuator.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = sample(pattern.getPatternString());
				assertThat(this.mappings.getHandler(new MockHttpServletRequest("GET", path))).as(path).isNull();
				actuatorPaths.add(path);
			}
		}
		assertThat(actuatorPaths).contains("/actuator/health", "/actuator/prometheus");
	}

	@Test
	void literalStartEndsAtTheFirstVariableOrWildcard() {
		assertThat(PrefixCheckedMappings.literalStart("/api/v1/orders/{orderNumber}")).isEqualTo("/api/v1/orders/");
		assertThat(PrefixCheckedMappings.literalStart("/t/{slug}/**")).isEqualTo("/t/");
		assertThat(PrefixCheckedMappings.literalStart("/console/*.csv")).isEqualTo("/console/");
		assertThat(PrefixCheckedMappings.literalStart("/a?c")).isEqualTo("/a");
		assertThat(PrefixCheckedMappings.literalStart("/console/denied")).isEqualTo("/console/denied");
		assertThat(PrefixCheckedMappings.literalStart("")).isEmpty();
	}

	private RequestMappingInfo info(String pattern) {
		return this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter((i) -> i.getPatternValues().contains(pattern))
			.findFirst()
			.orElseThrow();
	}

	/** A concrete path the pattern matches: variables and wildcards filled in. */
	private static String sample(String pattern) {
		return pattern.replaceAll("/?\\{\\*[^}]+}", "/a/b")
			.replaceAll("\\{[^}]+}", "v1")
			.replace("**", "a/b")
			.replace("*", "a")
			.replace("?", "a");
	}

}
