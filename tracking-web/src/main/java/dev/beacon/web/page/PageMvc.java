package dev.beacon.web.page;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.beacon.store.StoreManagement;

/** Registers {@link ShopperContext} as an argument of the page controllers. */
@Configuration(proxyBeanMethods = false)
class PageMvc implements WebMvcConfigurer {

	private final StoreManagement stores;

	private final ShopperLocales locales;

	private final AccessGrants grants;

	PageMvc(StoreManagement stores, ShopperLocales locales, AccessGrants grants) {
		this.stores = stores;
		this.locales = locales;
		this.grants = grants;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ShopperContext.Resolver(this.stores, this.locales, this.grants));
	}

}
