package dev.beacon.admin;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.beacon.common.WindowCounters;

/**
 * The console's own security: form login for console users under {@code /console/**},
 * BCrypt passwords, lockout after repeated failures (one answer for locked, disabled,
 * unknown and wrong password), a per-client sign-in throttle shared by all instances,
 * sessions that end at once when their user is disabled, CSRF on every state-changing
 * request (the default), a new session id on login, and a logout that invalidates the
 * session and drops its cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

	static final String LOGIN = "/console/login";

	@Bean
	@Order(40)
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ConsoleUserManagement users,
			ConsoleSettings settings, WindowCounters counters, Clock clock) throws Exception {
		ConsoleGuards.LoginThrottle throttle = new ConsoleGuards.LoginThrottle(settings, counters, clock);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails(users));
		provider.setPasswordEncoder(users.encoder());
		ProviderManager manager = new ProviderManager(provider);

		SimpleUrlAuthenticationSuccessHandler success = new SimpleUrlAuthenticationSuccessHandler("/console");
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error") {
			@Override
			public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.AuthenticationException exception)
					throws java.io.IOException, jakarta.servlet.ServletException {
				// Locked, disabled, unknown user and wrong password all answer the same
				// ?error, so the answer never tells which accounts exist.
				String username = request.getParameter("username");
				if (username != null && !username.isBlank() && !(exception instanceof LockedException)) {
					users.loginFailed(username);
				}
				super.onAuthenticationFailure(request, response, exception);
			}
		};

		http.securityMatcher("/console", "/console/**")
			.authenticationManager(manager)
			.authorizeHttpRequests((auth) -> auth.requestMatchers(LOGIN, "/console/assets/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/console/admin/stores")
				.hasRole(Role.OPERATOR.name())
				.requestMatchers("/console/admin/**")
				.hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
				.requestMatchers("/console/reports/**", "/console/reports")
				.hasAnyRole(Role.OPS.name(), Role.ADMIN.name(), Role.OPERATOR.name())
				.requestMatchers("/console/test-orders/**", "/console/test-orders")
				.hasAnyRole(Role.AGENT.name(), Role.ADMIN.name(), Role.OPERATOR.name())
				.requestMatchers(HttpMethod.POST, "/console/orders/**")
				.hasAnyRole(Role.AGENT.name(), Role.ADMIN.name(), Role.OPERATOR.name())
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.successHandler((request, response, authentication) -> {
					users.loginSucceeded(authentication.getName());
					throttle.succeeded(request);
					success.onAuthenticationSuccess(request, response, authentication);
				})
				.failureHandler(failure)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/console/logout")
				.logoutSuccessUrl(LOGIN + "?logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling((ex) -> ex.accessDeniedPage("/console/denied"))
			.addFilterAfter(new ConsoleGuards.LiveUserCheck(users), SecurityContextHolderFilter.class)
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	private static UserDetailsService userDetails(ConsoleUserManagement users) {
		return (username) -> {
			ConsoleUser user = users.byUsername(username)
				.orElseThrow(() -> new UsernameNotFoundException("no console user " + username));
			String hash = users.passwordHash(user.username());
			return new ConsolePrincipal(user.id(), user.username(), user.displayName(), user.role(),
					(hash != null) ? hash : "", user.enabled(), user.lockedAt(users.now()));
		};
	}

}
