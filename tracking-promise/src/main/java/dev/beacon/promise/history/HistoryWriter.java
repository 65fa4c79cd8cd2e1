package dev.beacon.promise.history;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of history rows: PostgreSQL COPY into a staging table, then an upsert
 * into {@code delivery_history} keyed by (store, order number, carrier, service) that
 * leaves identical rows alone.
 */
@Component
class HistoryWriter {

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	HistoryWriter(DataSource dataSource, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Answers the rows added or changed. */
	int write(UUID importId, UUID storeId, List<HistoryRow> rows) {
		Integer changed = this.tx.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try (Statement st = connection.createStatement()) {
				st.execute("""
						create temp table if not exists history_stage (like delivery_history including defaults)
						on commit delete rows""");
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
						copy history_stage (store_id, order_number, carrier, service, placed_at, shipped_at,
						  delivered_at, promised_by, origin_region, origin_country, destination_region,
						  destination_postal_code, destination_country, status, import_id)
						from stdin with (format csv)""", new StringReader(csv(importId, storeId, rows)));
				return st.executeUpdate("""
						insert into delivery_history select * from history_stage
						on conflict (store_id, order_number, carrier, service) do update set
						  placed_at = excluded.placed_at, shipped_at = excluded.shipped_at,
						  delivered_at = excluded.delivered_at, promised_by = excluded.promised_by,
						  origin_region = excluded.origin_region, origin_country = excluded.origin_country,
						  destination_region = excluded.destination_region,
						  destination_postal_code = excluded.destination_postal_code,
						  destination_country = excluded.destination_country, status = excluded.status,
						  import_id = excluded.import_id
						where (delivery_history.placed_at, delivery_history.shipped_at, delivery_history.delivered_at,
						       delivery_history.promised_by, delivery_history.origin_region,
						       delivery_history.origin_country, delivery_history.destination_region,
						       delivery_history.destination_postal_code, delivery_history.destination_country,
						       delivery_history.status)
						  is distinct from
						      (excluded.placed_at, excluded.shipped_at, excluded.delivered_at, excluded.promised_by,
						       excluded.origin_region, excluded.origin_country, excluded.destination_region,
						       excluded.destination_postal_code, excluded.destination_country, excluded.status)""");
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("could not store history rows: " + ex.getMessage(), ex);
			}
		});
		return (changed != null) ? changed : 0;
	}

	private static String csv(UUID importId, UUID storeId, List<HistoryRow> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 160);
		for (HistoryRow r : rows) {
			csv.append(storeId).append(',');
			q(csv, r.orderNumber()).append(',');
			q(csv, r.carrier()).append(',');
			q(csv, r.service()).append(',');
			ts(csv, r.placedAt()).append(',');
			ts(csv, r.shippedAt()).append(',');
			ts(csv, r.deliveredAt()).append(',');
			date(csv, r.promisedBy()).append(',');
			q(csv, r.originRegion()).append(',');
			q(csv, r.originCountry()).append(',');
			q(csv, r.destinationRegion()).append(',');
			q(csv, r.destinationPostalCode()).append(',');
			q(csv, r.destinationCountry()).append(',');
			q(csv, r.status()).append(',');
			csv.append(importId).append('\n');
		}
		return csv.toString();
	}

	private static StringBuilder q(StringBuilder sb, @Nullable String value) {
		if (value == null) {
			return sb;
		}
		return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	private static StringBuilder ts(StringBuilder sb, @Nullable Instant value) {
		return (value == null) ? sb : sb.append(value);
	}

	private static StringBuilder date(StringBuilder sb, @Nullable LocalDate value) {
		return (value == null) ? sb : sb.append(value);
	}

}
