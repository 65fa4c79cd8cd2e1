package dev.beacon.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Registers the {@link RequestGuard} ahead of every other filter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsConfiguration.HttpLimits.class)
class HttpLimitsConfiguration {

	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard(HttpLimits limits) {
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
				new RequestGuard(limits.maxBodySize().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Request limits.
	 *
	 * @param maxBodySize the largest body accepted on {@code /webhooks/**} and under
	 * {@code /api/**} (imports keep their own limit); larger is a 413
	 */
	@ConfigurationProperties("beacon.http")
	record HttpLimits(@DefaultValue("1MB") DataSize maxBodySize) {
	}

}
