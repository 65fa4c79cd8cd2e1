package dev.beacon.imports;

import java.util.UUID;

/**
 * An import job finished ({@code DONE}); its rows are committed.
 *
 * @param kind the importer's kind, e.g. {@code shipments}
 * @param imported rows added or changed
 */
public record ImportFinished(UUID storeId, UUID importId, String kind, int imported) {
}
