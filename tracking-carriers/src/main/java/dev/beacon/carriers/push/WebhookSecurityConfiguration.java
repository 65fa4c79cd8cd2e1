package dev.beacon.carriers.push;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Carrier webhooks authenticate by HMAC signature in the controller, not by session or
 * key: this chain (order 20) lets /webhooks/carriers/** through without CSRF.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

	@Bean
	@Order(20)
	SecurityFilterChain carrierWebhookSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/carriers/**")
			.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((c) -> c.disable())
			.securityContext((c) -> c.disable())
			.anonymous((a) -> a.disable());
		return http.build();
	}

}
