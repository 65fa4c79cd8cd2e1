package dev.beacon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Beacon: order tracking for online stores. One jar plus PostgreSQL.
 * <p>
 * {@code java -jar beacon.jar} serves; {@code java -jar beacon.jar import --store=<slug>
 * --file=<history.csv>} imports delivery history from the command line and exits;
 * {@code java -jar beacon.jar promise backtest --store=<slug> --from=YYYY-MM --to=YYYY-MM}
 * prints a walk-forward backtest of the promise engine and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BeaconApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BeaconApplication.class);
		if (args.length > 0 && ("import".equals(args[0]) || "promise".equals(args[0]))) {
			app.setWebApplicationType(WebApplicationType.NONE);
		}
		app.run(args);
	}

}
