package dev.beacon.app;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The application's {@code @RequestMapping} lookup ({@link PrefixCheckedMappings}) and no
 * resource URL rewriting filter.
 */
@Configuration(proxyBeanMethods = false)
class MvcConfiguration {

	@Bean
	WebMvcRegistrations prefixCheckedMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixCheckedMappings();
			}
		};
	}

	/**
	 * No {@link ResourceUrlEncodingFilter}: Spring Boot registers it for Thymeleaf when a
	 * resource chain is on (the page's {@code /web/**} and the webjars locator), to
	 * rewrite links to versioned asset URLs. No version strategy is configured anywhere
	 * (the page versions its links itself: {@code /web/page.css?v=3}), so it rewrote
	 * nothing, yet it wrapped the request and the response of every request, page and API
	 * alike, and every attribute read and write went through one more wrapper
	 * (docs/performance.md, fix 15). A disabled registration of the filter keeps Boot's
	 * own from being made.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
