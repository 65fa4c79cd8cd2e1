package dev.beacon.web.page;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tracking page's own security chain ({@code /t/**} and its assets under
 * {@code /web/**}, order 30): everyone may look, forms carry a CSRF token (kept in a
 * cookie, no HTTP session), and every response gets a strict, nonce-based
 * Content-Security-Policy, nosniff, no-referrer and frame-ancestors 'none'.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageSettings.class)
class PageSecurity implements WebMvcConfigurer {

	static final String NONCE = "beacon.page.nonce";

	static final String ASSETS = "/web/**";

	@Bean
	@Order(30)
	SecurityFilterChain trackingPageSecurityFilterChain(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
		csrf.setCookieName("beacon_csrf");
		csrf.setCookiePath("/t");
		csrf.setCookieCustomizer((c) -> c.sameSite("Lax").httpOnly(true));
		http.securityMatcher("/t/**", ASSETS)
			.authorizeHttpRequests((a) -> a.anyRequest().permitAll())
			.csrf((c) -> c.csrfTokenRepository(csrf))
			// without a login: no logout filter, no servlet-API request wrapper (the page
			// never asks the servlet API for a principal); the wrapper was a layer every
			// attribute read of the rendering went through (docs/performance.md, fix 15)
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.logout((l) -> l.disable())
			.servletApi((s) -> s.disable())
			.requestCache((r) -> r.disable())
			.addFilterBefore(new NonceFilter(), HeaderWriterFilter.class)
			.headers((h) -> h.contentTypeOptions(Customizer.withDefaults())
				.frameOptions((f) -> f.deny())
				.referrerPolicy((r) -> r.policy(ReferrerPolicy.NO_REFERRER))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()"))
				.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
						policy((String) request.getAttribute(NONCE)))))
			.exceptionHandling((e) -> e.accessDeniedHandler((request, response, ex) -> {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				request.getRequestDispatcher(PageFallbackController.DENIED).forward(request, response);
			}));
		return http.build();
	}

	static String policy(String nonce) {
		return "default-src 'none'; script-src 'nonce-" + nonce + "' 'strict-dynamic'; style-src 'self' 'nonce-" + nonce
				+ "'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; "
				+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS)
			.addResourceLocations("classpath:/static/web/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
			.resourceChain(true)
			.addResolver(new PageAssets());
	}

	/** A fresh CSP nonce per request, for the page's one style and one script element. */
	static final class NonceFilter extends OncePerRequestFilter {

		private final SecureRandom random = new SecureRandom();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(NONCE) == null) {
				byte[] bytes = new byte[18];
				this.random.nextBytes(bytes);
				request.setAttribute(NONCE, Base64.getEncoder().encodeToString(bytes));
			}
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

}
