package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import dev.beacon.app.DefaultSecurityConfiguration.OpsSettings;
import dev.beacon.common.QueryStrings;

import static org.assertj.core.api.Assertions.assertThat;

/** The switch that puts metrics and API docs behind a token, without Spring. */
class OpsAccessTests {

	@Test
	void withoutATokenMetricsAndDocsAreOpen() {
		assertThat(new OpsSettings(null).allows(new MockHttpServletRequest())).isTrue();
		assertThat(new OpsSettings(" ").allows(new MockHttpServletRequest())).isTrue();
	}

	@Test
	void withATokenOnlyItsBearerMayRead() {
		OpsSettings ops = new OpsSettings("scrape-0123456789");
		assertThat(ops.allows(new MockHttpServletRequest())).isFalse();
		assertThat(ops.allows(bearer("wrong"))).isFalse();
		assertThat(ops.allows(bearer("scrape-0123456789"))).isTrue();
		assertThat(ops.toString()).doesNotContain("scrape");
	}

	@Test
	void brokenQueryStringsAreRecognised() {
		assertThat(QueryStrings.decodable(null)).isTrue();
		assertThat(QueryStrings.decodable("cursor=abc%20d&x=%C3%A9")).isTrue();
		assertThat(QueryStrings.decodable("cursor=%")).isFalse();
		assertThat(QueryStrings.decodable("cursor=%zz")).isFalse();
		assertThat(QueryStrings.decodable("cursor=%ff%fe")).isFalse();
	}

	private static MockHttpServletRequest bearer(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + token);
		return request;
	}

}
