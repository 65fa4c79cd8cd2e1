package dev.beacon;

import dev.beacon.app.CommandMode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Beacon: order tracking for online stores. One jar plus PostgreSQL.
 * <p>
 * {@code java -jar beacon.jar} serves; {@code java -jar beacon.jar import --store=<slug>
 * --file=<history.csv>} imports delivery history and {@code java -jar beacon.jar admin
 * create-user|reset-password|unlock ...} manages console users from the command line,
 * then exit (see {@link CommandMode}).
 * <p>
 * Spring Boot's in-memory user ("Using generated security password") is left out: console
 * users live in PostgreSQL and no filter chain signs anyone in with the global manager.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class BeaconApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BeaconApplication.class);
		CommandMode.configure(app, args);
		app.run(args);
	}

}
