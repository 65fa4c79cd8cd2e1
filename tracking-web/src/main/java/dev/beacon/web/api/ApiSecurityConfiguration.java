package dev.beacon.web.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.beacon.common.Hmac;
import dev.beacon.store.StoreManagement;
import dev.beacon.store.StorePrincipal;

/**
 * Security of {@code /api/**}: stateless, no sessions or CSRF (no cookies are honoured),
 * a store API key as bearer token for everything, and the operator key for provisioning
 * stores. Failures answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiSettings.class, ApiLimits.class })
class ApiSecurityConfiguration {

	static final String OPERATOR = "ROLE_OPERATOR";

	static final String STORE = "ROLE_STORE";

	@Bean
	@Order(10)
	SecurityFilterChain apiSecurity(HttpSecurity http, StoreManagement stores, ApiSettings settings) throws Exception {
		http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((c) -> c.disable())
			.httpBasic((b) -> b.disable())
			.formLogin((f) -> f.disable())
			.logout((l) -> l.disable())
			.anonymous((a) -> a.disable())
			// the API reads its principal from the security context, never through the
			// servlet API (getUserPrincipal, isUserInRole): no request wrapper for it
			.servletApi((s) -> s.disable())
			.addFilterBefore(new BearerKeyFilter(stores, settings), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.POST, "/api/v1/stores")
				.hasAuthority(OPERATOR)
				.anyRequest()
				.hasAuthority(STORE))
			.exceptionHandling((e) -> e
				.authenticationEntryPoint(
						(req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED, "Missing or invalid API key",
								"Send 'Authorization: Bearer <api key>' with a key issued for your store."))
				.accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "Not allowed",
						"This key may not call this endpoint.")));
		return http.build();
	}

	static void problem(HttpServletResponse res, HttpStatus status, String title, String detail) throws IOException {
		res.setStatus(status.value());
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			res.setHeader("WWW-Authenticate", "Bearer");
		}
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

	/** Reads the bearer token and authenticates it as a store key or the operator key. */
	static final class BearerKeyFilter extends OncePerRequestFilter {

		private final StoreManagement stores;

		private final ApiSettings settings;

		BearerKeyFilter(StoreManagement stores, ApiSettings settings) {
			this.stores = stores;
			this.settings = settings;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			boolean provisioning = "POST".equals(request.getMethod())
					&& "/api/v1/stores".equals(request.getRequestURI().substring(request.getContextPath().length()));
			if (provisioning && (this.settings.apiKey() == null || this.settings.apiKey().isBlank())) {
				problem(response, HttpStatus.NOT_FOUND, "Not found",
						"The operator API is disabled: set beacon.operator.api-key to enable it.");
				return;
			}
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				String token = header.substring(7).strip();
				if (provisioning) {
					if (constantTimeEquals(token, this.settings.apiKey())) {
						SecurityContextHolder.getContext()
							.setAuthentication(new UsernamePasswordAuthenticationToken("operator", null,
									List.of(new SimpleGrantedAuthority(OPERATOR))));
					}
				}
				else if (!token.isEmpty() && token.length() <= 200) {
					this.stores.authenticate(token)
						.ifPresent((store) -> SecurityContextHolder.getContext()
							.setAuthentication(new UsernamePasswordAuthenticationToken(StorePrincipal.of(store), null,
									List.of(new SimpleGrantedAuthority(STORE)))));
				}
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

		private static boolean constantTimeEquals(String given, String expected) {
			return Hmac.matches(expected, given);
		}

	}

}
