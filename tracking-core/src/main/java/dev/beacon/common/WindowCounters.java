package dev.beacon.common;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counters in fixed time windows, kept in PostgreSQL ({@code window_counters}) so every
 * instance shares them and nothing can evict them: a limit that holds for the whole
 * installation, not per instance. Each change is one atomic statement, so concurrent
 * requests on any number of instances can never pass a limit together; count first, then
 * check, and {@link #subtract} what did not count after all (a right password). A window
 * starts with the first count after the previous one ended; windows that ended a day ago
 * are forgotten (a few at a time, whenever a window opens). Times are the database's
 * ({@code now()}).
 */
@Component
public class WindowCounters {

	static final int MAX_KEY = 300;

	private final JdbcTemplate jdbc;

	public WindowCounters(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A counter's value after a change.
	 *
	 * @param count the count in the current window
	 * @param secondsLeft seconds until the window ends (at least 1)
	 */
	public record Count(long count, long secondsLeft) {
	}

	/**
	 * Adds one to {@code key}'s counter in its current window, opening a window of
	 * {@code window} when there is none; answers the new count.
	 */
	public Count add(String key, Duration window) {
		String interval = Math.max(1, window.toSeconds()) + " seconds";
		Count count = this.jdbc.queryForObject(
				"""
						insert into window_counters as c (key, count, window_ends)
						values (?, 1, now() + ?::interval)
						on conflict (key) do update set
						  count = case when c.window_ends <= now() then 1 else c.count + 1 end,
						  window_ends = case when c.window_ends <= now() then now() + ?::interval else c.window_ends end
						returning count, greatest(1, ceil(extract(epoch from (window_ends - now()))))::bigint as seconds_left""",
				(rs, i) -> new Count(rs.getLong("count"), rs.getLong("seconds_left")), key(key), interval, interval);
		if (count != null && count.count() == 1) {
			prune();
		}
		return count;
	}

	/** Takes back one count of {@code key} in its current window (never below zero). */
	public void subtract(String key) {
		this.jdbc.update(
				"update window_counters set count = greatest(count - 1, 0) where key = ? and window_ends > now()",
				key(key));
	}

	/** Forgets up to 100 windows that ended more than a day ago; answers how many. */
	int prune() {
		return this.jdbc.update("""
				delete from window_counters where ctid in (
				  select ctid from window_counters where window_ends < now() - interval '1 day' limit 100)""");
	}

	private static String key(String key) {
		return (key.length() > MAX_KEY) ? key.substring(0, MAX_KEY) : key;
	}

}
