package dev.beacon.promise;

import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The walk-forward backtest from the command line:
 * {@code java -jar beacon.jar promise backtest --store=<slug> --from=2018-03 --to=2018-08}.
 * Prints the console report and exits (0 done, 2 usage).
 */
@Component
class PromiseCommand implements ApplicationRunner {

	private final PromiseEngine engine;

	private final StoreManagement stores;

	private final ConfigurableApplicationContext context;

	PromiseCommand(PromiseEngine engine, StoreManagement stores, ConfigurableApplicationContext context) {
		this.engine = engine;
		this.stores = stores;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.isEmpty() || !words.get(0).equals("promise")) {
			return;
		}
		int code = words.contains("backtest")
				? execute(first(args, "store"), first(args, "from"), first(args, "to"), System.out) : usage(System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int execute(String slug, String from, String to, PrintStream out) {
		YearMonth start;
		YearMonth end;
		try {
			start = YearMonth.parse(from);
			end = YearMonth.parse(to);
		}
		catch (DateTimeException ex) {
			return usage(out);
		}
		if (slug.isBlank() || end.isBefore(start)) {
			return usage(out);
		}
		Optional<Store> store = this.stores.bySlug(slug);
		if (store.isEmpty()) {
			out.println("no store with slug '" + slug + "'");
			return 2;
		}
		List<DeliverySample> history = this.engine.history(store.get().getId());
		out.printf("Walk-forward backtest of %s, %s to %s: %d delivered orders in its history%n", slug, start, end,
				history.size());
		PromiseSettings settings = this.engine.settings();
		List<OpenParcel> undelivered = (settings.openParcels() || settings.trend())
				? this.engine.undelivered(store.get().getId()) : List.of();
		if (settings.openParcels()) {
			out.printf("open parcels counted at each cut-off, with %d never delivered%n", undelivered.size());
		}
		WalkForwardBacktest.run(history, undelivered, start, end, store.get().getTargetReliability(), settings)
			.print(out);
		return 0;
	}

	private static int usage(PrintStream out) {
		out.println("usage: java -jar beacon.jar promise backtest --store=<slug> --from=YYYY-MM --to=YYYY-MM");
		return 2;
	}

	private static String first(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? "" : values.get(0);
	}

}
