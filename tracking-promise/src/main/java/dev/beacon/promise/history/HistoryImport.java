package dev.beacon.promise.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.beacon.imports.CsvLines;
import dev.beacon.imports.ImportProcessor;
import dev.beacon.imports.ImportRun;
import dev.beacon.promise.HistoryKind;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import org.springframework.stereotype.Component;

/**
 * The delivery-history import ({@code shipments}): validates every row (bad rows are
 * reported by line, good rows kept) and hands good rows to {@link HistoryWriter} in
 * batches, so uploading the same file twice changes nothing. Core's import jobs run it;
 * when it is done the promise engine relearns the store.
 */
@Component
class HistoryImport implements ImportProcessor {

	static final int BATCH = 5000;

	private final HistoryWriter writer;

	private final StoreManagement stores;

	private final Clock clock;

	HistoryImport(HistoryWriter writer, StoreManagement stores, Clock clock) {
		this.writer = writer;
		this.stores = stores;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return HistoryKind.SHIPMENTS;
	}

	@Override
	public void check(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = new CsvLines(reader).next();
			List<String> names = (header == null) ? List.of()
					: header.stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
			if (!names.equals(HistoryRow.HEADER)) {
				throw new IllegalArgumentException(
						"the first line must be the header " + String.join(",", HistoryRow.HEADER));
			}
		}
	}

	@Override
	public void process(ImportRun run, Path file) throws IOException {
		ZoneId zone = this.stores.byId(run.storeId()).map(Store::getTimeZone).orElse(ZoneId.of("UTC"));
		Instant now = this.clock.instant();
		Map<String, Integer> seen = new HashMap<>();
		List<HistoryRow> batch = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CsvLines csv = new CsvLines(reader);
			csv.next(); // header, checked before
			List<String> fields;
			while ((fields = csv.next()) != null) {
				if (fields.size() == 1 && fields.get(0).isBlank()) {
					continue;
				}
				run.read();
				try {
					HistoryRow row = HistoryRow.parse(fields, zone, now);
					Integer first = seen.putIfAbsent(row.key(), csv.line());
					if (first != null) {
						throw new HistoryRow.RowException("order_number",
								"repeats line " + first + " (same order number, carrier and service)");
					}
					batch.add(row);
				}
				catch (HistoryRow.RowException ex) {
					run.rejected(csv.line(), ex.field(), ex.getMessage());
				}
				if (batch.size() >= BATCH) {
					write(run, batch);
				}
			}
			if (!batch.isEmpty()) {
				write(run, batch);
			}
		}
	}

	private void write(ImportRun run, List<HistoryRow> batch) {
		run.written(batch.size(), this.writer.write(run.id(), run.storeId(), batch));
		batch.clear();
	}

}
