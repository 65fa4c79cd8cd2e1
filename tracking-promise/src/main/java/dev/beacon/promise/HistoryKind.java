package dev.beacon.promise;

/** The import kind of delivery history, as in {@code POST /api/v1/imports/shipments}. */
public final class HistoryKind {

	public static final String SHIPMENTS = "shipments";

	private HistoryKind() {
	}

}
