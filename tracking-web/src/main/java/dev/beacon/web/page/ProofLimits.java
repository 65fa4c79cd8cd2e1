package dev.beacon.web.page;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed-proof limits of the order lookup, in PostgreSQL so every instance shares them
 * and nothing can evict them. A try is counted <em>before</em> the proof is checked (so
 * fifty concurrent guesses cannot all slip through) and refunded when the proof is right.
 * Counters are keyed by order <em>and</em> client: a client guessing an order is locked
 * out of it, the order's owner proving it from elsewhere is not. A global ceiling of
 * failed lookups per window then stops a guesser spread over many addresses, but even
 * above it a client that has not failed on that order still gets its one try.
 */
@Component
class ProofLimits {

	private static final String GLOBAL = "global";

	private final JdbcTemplate jdbc;

	private final PageSettings settings;

	ProofLimits(JdbcTemplate jdbc, PageSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** A counted try; {@link #waitSeconds()} > 0 when it is refused. */
	record Try(String key, long waitSeconds) {
	}

	/** Counts a try of the order by the client, and says whether it may go ahead. */
	Try take(UUID storeId, String orderNumber, String client) {
		String key = "order|" + storeId + "|" + orderNumber.toUpperCase(Locale.ROOT) + "|" + client;
		if (key.length() > 300) {
			key = key.substring(0, 300);
		}
		long[] mine = count(key);
		long[] global = count(GLOBAL);
		if (global[0] == 1) {
			prune(); // once per window
		}
		if (mine[0] > this.settings.failuresPerOrder()) {
			return new Try(key, Math.max(1, mine[1]));
		}
		if (global[0] > this.settings.failedLookupCeiling() && mine[0] > 1) {
			return new Try(key, Math.max(1, global[1]));
		}
		return new Try(key, 0);
	}

	/** The proof was right: the try does not count. */
	void refund(Try taken) {
		this.jdbc.update("update page_proof_failures set failures = greatest(failures - 1, 0) where key in (?, ?)",
				taken.key(), GLOBAL);
	}

	/** Adds one to the key's counter in its current window: (count, seconds left). */
	private long[] count(String key) {
		Duration window = this.settings.failureWindow();
		String interval = window.toSeconds() + " seconds";
		return this.jdbc.queryForObject("""
				insert into page_proof_failures as p (key, failures, window_ends)
				values (?, 1, now() + ?::interval)
				on conflict (key) do update set
				  failures = case when p.window_ends <= now() then 1 else p.failures + 1 end,
				  window_ends = case when p.window_ends <= now() then now() + ?::interval else p.window_ends end
				returning failures, ceil(extract(epoch from (window_ends - now())))::bigint as wait""",
				(rs, i) -> new long[] { rs.getLong("failures"), rs.getLong("wait") }, key, interval, interval);
	}

	/** Forgets windows that ended a day ago. */
	int prune() {
		return this.jdbc.update("delete from page_proof_failures where window_ends < now() - interval '1 day'");
	}

}
