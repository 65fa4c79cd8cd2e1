package dev.beacon.app;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.beacon.BeaconIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assembled application's security filter chains are not decorated for observations:
 * with the decorator every filter of every request is wrapped, though the observations
 * themselves are switched off (docs/performance.md, fix 5). The page's and the API's
 * chains carry no filter they do not use, and no resource URL rewriting wraps requests
 * (fix 15); what they do use (CSRF, headers) stays.
 */
@BeaconIntegrationTest
class SecurityChainIntegrationTests {

	@Autowired
	FilterChainProxy springSecurityFilterChain;

	@Autowired
	WebApplicationContext context;

	@Test
	void noFilterOfAnyChainIsWrappedInAnObservation() {
		assertThat(ReflectionTestUtils.getField(this.springSecurityFilterChain, "filterChainDecorator")).isNotNull()
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
	}

	@Test
	void thePagesChainHasNoLogoutOrServletApiWrapperButKeepsCsrfAndHeaders() {
		List<Class<?>> filters = filtersFor("/t/some-store/orders/A-1");
		assertThat(filters).doesNotContain(LogoutFilter.class, SecurityContextHolderAwareRequestFilter.class);
		assertThat(filters).contains(CsrfFilter.class, HeaderWriterFilter.class);
		assertThat(filters).extracting(Class::getSimpleName).contains("NonceFilter");
	}

	@Test
	void theApisChainHasNoServletApiWrapperOrCsrfButKeepsItsKeyCheck() {
		List<Class<?>> filters = filtersFor("/api/v1/orders/A-1");
		assertThat(filters).doesNotContain(SecurityContextHolderAwareRequestFilter.class, CsrfFilter.class);
		assertThat(filters).extracting(Class::getSimpleName).contains("BearerKeyFilter", "AuthorizationFilter");
	}

	@Test
	void noResourceUrlEncodingFilterIsRegistered() {
		ServletContext servlet = this.context.getServletContext();
		assertThat(servlet).isNotNull();
		assertThat(servlet.getFilterRegistrations().values())
			.noneMatch((r) -> ResourceUrlEncodingFilter.class.getName().equals(r.getClassName()));
		assertThat(servlet.getFilterRegistrations()).isNotEmpty();
	}

	private List<Class<?>> filtersFor(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		ServletRequestPathUtils.parseAndCache(request);
		List<Filter> filters = this.springSecurityFilterChain.getFilterChains()
			.stream()
			.filter((chain) -> chain.matches(request))
			.findFirst()
			.orElseThrow()
			.getFilters();
		return filters.stream().<Class<?>>map(Object::getClass).toList();
	}

}
