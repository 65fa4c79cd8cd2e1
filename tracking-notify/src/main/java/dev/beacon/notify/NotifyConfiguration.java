package dev.beacon.notify;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dev.beacon.notify.sms.TwilioProperties;

/**
 * Wiring of the notification module: its properties and the security of its public
 * endpoints (Twilio's inbound webhooks, signed by Twilio, and the one-click unsubscribe
 * links, signed by us): no session, no CSRF (RFC 8058 POSTs come from mail clients), no
 * login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotifyProperties.class, TwilioProperties.class })
class NotifyConfiguration {

	@Bean
	@Order(25)
	SecurityFilterChain notifySecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/twilio/**", "/notifications/unsubscribe/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.anonymous((a) -> {
			});
		return http.build();
	}

}
