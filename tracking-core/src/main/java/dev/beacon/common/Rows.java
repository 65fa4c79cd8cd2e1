package dev.beacon.common;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Nullable columns of a JDBC row as {@code java.time} values, for the plain-SQL reads.
 */
public final class Rows {

	private Rows() {
	}

	/** The {@code timestamptz} column as an instant, or null. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	/** The {@code date} column as a local date, or null. */
	public static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return (d != null) ? d.toLocalDate() : null;
	}

}
