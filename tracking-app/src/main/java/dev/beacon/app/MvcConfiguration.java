package dev.beacon.app;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's {@code @RequestMapping} lookup: {@link PrefixCheckedMappings}. */
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

}
