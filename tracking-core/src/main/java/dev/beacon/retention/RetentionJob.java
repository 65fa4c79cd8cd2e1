package dev.beacon.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Applies {@link RetentionProperties} once a day, once per cluster: the instance that
 * takes PostgreSQL advisory lock {@link #LOCK_KEY} (session lock on a connection of its
 * own) and finds no run recorded for today in {@code retention_runs} runs every
 * {@link RetentionSweep} in bounded batches; the others skip.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionJob {

	/** The advisory lock key ("beacon retention"). */
	static final long LOCK_KEY = 0x6265_6163_6f6e_7274L;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final List<RetentionSweep> sweeps;

	private final RetentionProperties properties;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RetentionJob(List<RetentionSweep> sweeps, RetentionProperties properties, DataSource dataSource, JdbcTemplate jdbc,
			Clock clock) {
		this.sweeps = sweeps;
		this.properties = properties;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${beacon.retention.cron:0 30 3 * * *}")
	void daily() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			runOncePerDay(this.clock).ifPresent((report) -> log.info("Retention applied: {}", report));
		}
		catch (RuntimeException ex) {
			log.error("Retention run failed; it is tried again at the next scheduled time", ex);
		}
	}

	/**
	 * Runs the sweeps unless another instance holds the lock or today's run (by
	 * {@code clock}, UTC) is already recorded; answers the rows handled per sweep, or
	 * empty when skipped.
	 */
	public Optional<Map<String, Integer>> runOncePerDay(Clock clock) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(true);
			if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
				return Optional.empty();
			}
			try {
				int claimed = this.jdbc.update("""
						insert into retention_runs (job, run_on, started_at) values ('retention', ?, ?)
						on conflict (job) do update set run_on = excluded.run_on, started_at = excluded.started_at,
						  finished_at = null, report = null
						where retention_runs.run_on < excluded.run_on""", today, Timestamp.from(now));
				if (claimed == 0) {
					return Optional.empty();
				}
				Map<String, Integer> report = run(now);
				this.jdbc.update("update retention_runs set finished_at = ?, report = ? where job = 'retention'",
						Timestamp.from(clock.instant()), truncate(report.toString()));
				return Optional.of(report);
			}
			finally {
				advisory(lock, "select pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("retention could not take its lock", ex);
		}
	}

	/** Runs every sweep now, in bounded batches; answers the rows handled per sweep. */
	public Map<String, Integer> run(Instant now) {
		return run(now, this.properties);
	}

	/**
	 * Runs every sweep with the given settings (operations tools and tests), without the
	 * once-per-day guard.
	 */
	public Map<String, Integer> run(Instant now, RetentionProperties properties) {
		Map<String, Integer> report = new LinkedHashMap<>();
		int limit = properties.batchSize();
		for (RetentionSweep sweep : this.sweeps) {
			int total = 0;
			try {
				for (int batch = 0; batch < properties.maxBatches(); batch++) {
					int handled = sweep.sweep(properties, now, limit);
					total += handled;
					if (handled < limit) {
						break;
					}
				}
			}
			catch (RuntimeException ex) {
				log.error("Retention sweep {} failed after {} rows; the others go on", sweep.name(), total, ex);
			}
			report.put(sweep.name(), total);
		}
		return report;
	}

	private static boolean advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setLong(1, LOCK_KEY);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static String truncate(String s) {
		return (s.length() > 2000) ? s.substring(0, 2000) : s;
	}

}
