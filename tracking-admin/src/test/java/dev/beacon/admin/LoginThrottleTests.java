package dev.beacon.admin;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.beacon.common.WindowCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's per-client sign-in throttle counts in PostgreSQL: two instances (two
 * throttles, each with its own counters, over one database) add their failures up; a
 * successful sign-in gives its count back; a client an instance has seen throttled is
 * refused there without asking the database again.
 */
class LoginThrottleTests extends AdminIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	private final ConsoleSettings settings = new ConsoleSettings(5, Duration.ofMinutes(15), 3, Duration.ofMinutes(5));

	private ConsoleGuards.LoginThrottle instance() {
		return new ConsoleGuards.LoginThrottle(this.settings, new WindowCounters(this.jdbc), Clock.systemUTC());
	}

	private void forget(String client) {
		this.jdbc.update("delete from window_counters where key = ?", "console-login|" + client);
	}

	@Test
	void failuresOnTwoInstancesAddUp() {
		String client = "198.51.100.61";
		forget(client);
		ConsoleGuards.LoginThrottle a = instance();
		ConsoleGuards.LoginThrottle b = instance();
		assertThat(a.admit(client)).isTrue();
		assertThat(b.admit(client)).isTrue();
		assertThat(a.admit(client)).isTrue();
		assertThat(b.admit(client)).as("the fourth attempt, whichever instance gets it").isFalse();
		assertThat(a.admit(client)).isFalse();
		assertThat(a.admit("198.51.100.62")).as("another client").isTrue();
		forget("198.51.100.62");
	}

	@Test
	void aSuccessfulSignInDoesNotCount() {
		String client = "198.51.100.63";
		forget(client);
		ConsoleGuards.LoginThrottle a = instance();
		ConsoleGuards.LoginThrottle b = instance();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/login");
		request.setRemoteAddr(client);
		for (int i = 0; i < 10; i++) {
			ConsoleGuards.LoginThrottle throttle = (i % 2 == 0) ? a : b;
			assertThat(throttle.admit(client)).as("sign-in " + (i + 1)).isTrue();
			throttle.succeeded(request);
		}
		assertThat(this.jdbc.queryForObject("select count from window_counters where key = ?", Integer.class,
				"console-login|" + client))
			.isZero();
	}

	@Test
	void anInstanceRefusesAThrottledClientLocallyUntilItsWindowEnds() {
		String client = "198.51.100.64";
		forget(client);
		ConsoleGuards.LoginThrottle a = instance();
		for (int i = 0; i < 3; i++) {
			assertThat(a.admit(client)).isTrue();
		}
		assertThat(a.admit(client)).isFalse();
		Integer counted = this.jdbc.queryForObject("select count from window_counters where key = ?", Integer.class,
				"console-login|" + client);
		assertThat(a.admit(client)).isFalse();
		assertThat(this.jdbc.queryForObject("select count from window_counters where key = ?", Integer.class,
				"console-login|" + client))
			.as("the local pre-check answered")
			.isEqualTo(counted);
		forget(client);
	}

}
