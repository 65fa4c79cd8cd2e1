package dev.beacon.admin.imports;

import java.util.UUID;

/** A history import finished; its rows are committed. */
public record HistoryImported(UUID storeId, UUID importId, int imported) {
}
