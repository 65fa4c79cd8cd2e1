package dev.beacon.promise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a regular test: imports 100,000 generated rows twice and prints the
 * times. Run with
 * {@code ./mvnw -o -pl tracking-promise verify -Dtest=HistoryImportBenchTests -DargLine=-Dbeacon.bench=true}.
 */
@EnabledIfSystemProperty(named = "beacon.bench", matches = "true")
class HistoryImportBenchTests extends PromiseIntegrationTest {

	@Autowired
	ImportJobs imports;

	@Autowired
	PromiseEngine engine;

	@TempDir
	Path dir;

	@Test
	void import100kRows() throws Exception {
		Store store = store("bench");
		Path file = this.dir.resolve("history.csv");
		Files.writeString(file, HistoryGenerator.csv(100_000, 11, LocalDate.of(2024, 1, 2), "B-"));
		long start = System.nanoTime();
		ImportJob first = this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "history.csv", file, (p) -> {
		});
		Duration firstTime = Duration.ofNanos(System.nanoTime() - start);
		start = System.nanoTime();
		ImportJob second = this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "history.csv", file, (p) -> {
		});
		Duration secondTime = Duration.ofNanos(System.nanoTime() - start);
		start = System.nanoTime();
		int samples = this.engine.samples(store.getId());
		Duration learn = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf(
				"BENCH import 100k: first %d ms (%d imported), re-upload %d ms (%d unchanged), "
						+ "model relearn %d ms (%d samples)%n",
				firstTime.toMillis(), first.importedRows(), secondTime.toMillis(), second.unchangedRows(),
				learn.toMillis(), samples);
		assertThat(first.importedRows()).isEqualTo(100_000);
	}

}
