package dev.beacon.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The common sweep: deletes, in bounded batches, the rows of one table whose time column
 * is older than the age {@link RetentionProperties} gives, optionally only those matching
 * a fixed condition (e.g. deliveries that are over). A module's sweep extends it with its
 * table, so the batching SQL exists once.
 */
public abstract class AgedRowsSweep implements RetentionSweep {

	private final JdbcTemplate jdbc;

	private final String name;

	private final Function<RetentionProperties, Duration> age;

	private final String sql;

	/**
	 * @param table the table the module owns
	 * @param timeColumn the column compared with {@code now - age}
	 * @param condition a fixed SQL condition rows must also meet, or {@code "true"}
	 */
	protected AgedRowsSweep(JdbcTemplate jdbc, String name, String table, String timeColumn, String condition,
			Function<RetentionProperties, Duration> age) {
		this.jdbc = jdbc;
		this.name = name;
		this.age = age;
		this.sql = "delete from " + table + " where ctid in (select ctid from " + table + " where (" + condition
				+ ") and " + timeColumn + " < ? limit ?)";
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		return this.jdbc.update(this.sql, Timestamp.from(now.minus(this.age.apply(properties))), limit);
	}

}
