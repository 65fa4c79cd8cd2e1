package dev.beacon.promise.history;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.imports.ImportRefusedException;
import dev.beacon.promise.HistoryKind;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The history import from the command line:
 * {@code java -jar beacon.jar import --store=<slug> --file=history.csv}. Shows a progress
 * bar, prints the rejected rows, and exits (0 done, 1 failed, 2 usage).
 */
@Component
class ImportCommand implements ApplicationRunner {

	private final ImportJobs imports;

	private final StoreManagement stores;

	private final ConfigurableApplicationContext context;

	ImportCommand(ImportJobs imports, StoreManagement stores, ConfigurableApplicationContext context) {
		this.imports = imports;
		this.stores = stores;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains("import")) {
			return;
		}
		int code = execute(first(args, "store"), first(args, "file"), System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int execute(String slug, String fileName, PrintStream out) {
		if (slug.isBlank() || fileName.isBlank()) {
			out.println("usage: java -jar beacon.jar import --store=<slug> --file=<history.csv>");
			return 2;
		}
		Optional<Store> store = this.stores.bySlug(slug);
		if (store.isEmpty()) {
			out.println("no store with slug '" + slug + "'");
			return 2;
		}
		Path file = Path.of(fileName);
		if (!Files.isReadable(file)) {
			out.println("cannot read " + file);
			return 2;
		}
		try {
			ImportJob job = this.imports.run(store.get().getId(), HistoryKind.SHIPMENTS, file.getFileName().toString(),
					file, (progress) -> bar(out, progress));
			out.println();
			out.printf("%s: %d rows, %d imported, %d unchanged, %d rejected%n", job.status(), job.processedRows(),
					job.importedRows(), job.unchangedRows(), job.rejectedRows());
			job.errors()
				.stream()
				.limit(50)
				.forEach((e) -> out.printf("  line %d, %s: %s%n", e.line(), e.field(), e.message()));
			if (job.errors().size() > 50) {
				out.printf("  ... and %d more%n", job.rejectedRows() - 50);
			}
			return job.status().equals("DONE") ? 0 : 1;
		}
		catch (IOException | IllegalArgumentException | ImportRefusedException ex) {
			out.println("import failed: " + ex.getMessage());
			return 1;
		}
	}

	static void bar(PrintStream out, ImportJob job) {
		int total = Math.max(job.totalRows(), 1);
		int done = Math.min(job.processedRows(), total);
		int width = 40;
		int filled = (int) ((long) done * width / total);
		out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
				+ String.format("%3d%%  %,d / %,d rows", done * 100L / total, done, total));
		out.flush();
	}

	private static String first(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? "" : values.get(0);
	}

}
