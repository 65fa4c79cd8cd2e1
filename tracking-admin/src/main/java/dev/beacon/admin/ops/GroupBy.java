package dev.beacon.admin.ops;

import java.util.Locale;

/** How the delivery performance report is grouped. */
public enum GroupBy {

	CARRIER("carrier", "carrier"), SERVICE("service", "coalesce(nullif(service, ''), '(none)')"),
	DESTINATION_REGION("destinationRegion", "coalesce(nullif(destination_region, ''), '(unknown)')"),
	WEEK("week", "to_char(date_trunc('week', placed_at at time zone :tz), 'YYYY-MM-DD')"), ALL("all", "'all'");

	private final String param;

	private final String sql;

	GroupBy(String param, String sql) {
		this.param = param;
		this.sql = sql;
	}

	public String param() {
		return this.param;
	}

	String sql() {
		return this.sql;
	}

	public static GroupBy parse(String value) {
		for (GroupBy g : values()) {
			if (g != ALL && g.param.equalsIgnoreCase(value.strip())) {
				return g;
			}
		}
		throw new IllegalArgumentException("groupBy must be one of carrier, service, destinationRegion, week; got '"
				+ value.toLowerCase(Locale.ROOT) + "'");
	}

}
