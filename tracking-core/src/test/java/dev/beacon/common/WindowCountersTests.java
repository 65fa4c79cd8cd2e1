package dev.beacon.common;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window counters live in PostgreSQL: two instances (two components over one database)
 * count into the same window; a subtraction takes one back; an ended window starts again
 * at one.
 */
@SpringBootTest
class WindowCountersTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoInstancesCountIntoOneWindowAndAnEndedWindowStartsAgain() {
		WindowCounters a = new WindowCounters(this.jdbc);
		WindowCounters b = new WindowCounters(this.jdbc);
		String key = "test|" + UUID.randomUUID();
		Duration window = Duration.ofMinutes(5);
		assertThat(a.add(key, window).count()).isEqualTo(1);
		assertThat(b.add(key, window).count()).isEqualTo(2);
		assertThat(a.add(key, window).count()).isEqualTo(3);
		WindowCounters.Count fourth = b.add(key, window);
		assertThat(fourth.count()).isEqualTo(4);
		assertThat(fourth.secondsLeft()).isBetween(1L, 300L);
		a.subtract(key);
		assertThat(b.add(key, window).count()).isEqualTo(4);
		this.jdbc.update("update window_counters set window_ends = now() - interval '1 second' where key = ?", key);
		b.subtract(key); // nothing to take back from an ended window
		assertThat(a.add(key, window).count()).isEqualTo(1);
	}

	@Test
	void windowsThatEndedADayAgoAreForgotten() {
		String old = "test|" + UUID.randomUUID();
		String live = "test|" + UUID.randomUUID();
		WindowCounters counters = new WindowCounters(this.jdbc);
		counters.add(old, Duration.ofMinutes(1));
		counters.add(live, Duration.ofMinutes(1));
		this.jdbc.update("update window_counters set window_ends = now() - interval '25 hours' where key = ?", old);
		while (counters.prune() > 0) {
			// older rows of other runs go first, at most 100 at a time
		}
		assertThat(this.jdbc.queryForObject("select count(*) from window_counters where key in (?, ?)", Integer.class,
				old, live))
			.isEqualTo(1);
	}

}
