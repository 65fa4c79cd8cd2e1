package dev.beacon.app;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.beacon.common.Hmac;

/**
 * The chain for everything no module claims: the landing page and health are open;
 * metrics and API docs are open unless {@code beacon.ops.metrics-token} is set, then they
 * need {@code Authorization: Bearer <token>}; anything else is denied. Module chains
 * (/api, /t, /console, webhooks) come first. The same rules apply on the management port
 * when {@code management.server.port} is set (API docs then live under
 * {@code /actuator/openapi} and {@code /actuator/swagger-ui}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DefaultSecurityConfiguration.OpsSettings.class)
class DefaultSecurityConfiguration {

	static final String[] OPS = { "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**", "/actuator/openapi", "/actuator/openapi/**", "/actuator/swagger-ui",
			"/actuator/swagger-ui/**" };

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 10)
	SecurityFilterChain defaultSecurity(HttpSecurity http, OpsSettings ops) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> opsAccess = (authentication,
				context) -> new AuthorizationDecision(ops.allows(context.getRequest()));
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers("/", "/index.html", "/favicon.ico", "/error", "/beacon.css", "/actuator/health",
					"/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers(OPS)
			.access(opsAccess)
			.anyRequest()
			.denyAll())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((c) -> c.disable())
			.headers((h) -> h
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(
						(r) -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * No Spring Security observations, and so no observation decoration of any chain:
	 * without this bean every filter of every chain is wrapped (an
	 * {@code ObservationFilterChainDecorator} frame and its bookkeeping per filter per
	 * request) even when {@code management.observations.enable.spring.security=false}
	 * makes the observations themselves no-ops. Nothing reads them;
	 * {@code http.server.requests} is not a security observation and stays
	 * (docs/performance.md, fix 5).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Access to operations endpoints.
	 *
	 * @param metricsToken when set, {@code /actuator/prometheus}, {@code /v3/api-docs}
	 * and Swagger UI answer only requests with {@code Authorization: Bearer <token>}
	 * (Prometheus: {@code authorization: credentials}); health stays open. Alternatively
	 * move them off the public port with {@code management.server.port}.
	 */
	@ConfigurationProperties("beacon.ops")
	record OpsSettings(@Nullable String metricsToken) {

		boolean allows(HttpServletRequest request) {
			if (this.metricsToken == null || this.metricsToken.isBlank()) {
				return true;
			}
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
					&& Hmac.matches(this.metricsToken, header.substring(7).strip());
		}

		@Override
		public String toString() {
			return "OpsSettings[metricsToken=" + ((this.metricsToken != null) ? "***" : null) + "]";
		}

	}

}
