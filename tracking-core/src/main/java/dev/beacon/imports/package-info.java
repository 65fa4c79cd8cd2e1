/**
 * Import jobs, the one machinery every CSV import uses (the delivery-history import of
 * the promise module, the bulk tracking-number import): upload to a temporary file with a
 * size limit and a free-disk check, admission (at most one running and one queued job per
 * store, a bounded queue), job status and progress in {@code import_jobs}, rejected rows
 * reported by line, and an {@link dev.beacon.imports.ImportFinished} event. What a row
 * means is the business of an {@link dev.beacon.imports.ImportProcessor} that the owning
 * module provides; its upload controller extends
 * {@link dev.beacon.imports.ImportEndpoint} and declares only its path and kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports", allowedDependencies = { "common" })
@org.jspecify.annotations.NullMarked
package dev.beacon.imports;
