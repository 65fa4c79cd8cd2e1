package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command is recognised wherever the server options stand, so an operator can pass the
 * same options (an additional config location, the datasource) before the command word.
 */
class CommandModeTests {

	@Test
	void theCommandIsTheFirstNonOptionArgumentWhereverTheOptionsStand() {
		assertThat(commandMode("admin", "create-user", "--username=ana")).isTrue();
		assertThat(commandMode("--spring.config.additional-location=file:/etc/beacon/", "admin", "unlock",
				"--username=ana"))
			.isTrue();
		assertThat(commandMode("--server.port=8282", "import", "--store=acme", "--file=x.csv")).isTrue();
	}

	@Test
	void aServerStartIsNoCommand() {
		assertThat(commandMode()).isFalse();
		assertThat(commandMode("--server.port=8282")).isFalse();
		assertThat(commandMode("--spring.profiles.active=demo", "serve")).isFalse();
	}

	private static boolean commandMode(String... args) {
		SpringApplication app = new SpringApplication(Object.class);
		CommandMode.configure(app, args);
		return app.getListeners().stream().anyMatch(CommandMode.class::isInstance);
	}

}
