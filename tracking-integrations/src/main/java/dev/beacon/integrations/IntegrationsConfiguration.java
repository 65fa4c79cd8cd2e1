package dev.beacon.integrations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Platform webhooks and the Shopify OAuth redirects authenticate by signature in the
 * controllers, not by session or key: this chain lets them through without CSRF. The
 * connection API lives under {@code /api/v1/} with the store's API key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

	@Bean
	@Order(21)
	SecurityFilterChain platformWebhookSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/shopify", "/webhooks/shopify/**", "/webhooks/woocommerce/**",
				"/integrations/shopify/**")
			.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((c) -> c.disable())
			.securityContext((c) -> c.disable())
			.anonymous((a) -> a.disable());
		return http.build();
	}

}
