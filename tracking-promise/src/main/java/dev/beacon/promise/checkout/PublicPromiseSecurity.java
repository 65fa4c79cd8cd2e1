package dev.beacon.promise.checkout;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The public promise's own chain ({@code /p/**}, order 25): anyone may GET, from any
 * origin without credentials; no session, no CSRF (nothing changes state), nosniff.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicPromiseSecurity {

	@Bean
	@Order(25)
	SecurityFilterChain publicPromiseSecurityFilterChain(HttpSecurity http) throws Exception {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(List.of("*"));
		cors.setAllowedMethods(List.of("GET"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/p/**", cors);
		http.securityMatcher("/p/**")
			.cors((c) -> c.configurationSource(source))
			.authorizeHttpRequests((a) -> a.requestMatchers(HttpMethod.GET, "/p/**").permitAll().anyRequest().denyAll())
			.csrf((c) -> c.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((r) -> r.disable())
			.headers((h) -> h.contentTypeOptions(Customizer.withDefaults()));
		return http.build();
	}

}
