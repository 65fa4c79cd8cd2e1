package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup refuses missing or weak secrets outside demo mode, with one line saying which.
 */
class SecretsCheckTests {

	private static final String GOOD = "0123456789abcdef0123456789abcdef";

	private static final String OTHER = "fedcba9876543210fedcba9876543210";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SecretsCheck.class);

	private String failure(String... properties) {
		String[] line = new String[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new SecretsCheck.Analyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			line[0] = analysis.getDescription();
		});
		return line[0];
	}

	private void starts(String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMissingLinkSecretStopsStartupOutsideDemoMode() {
		assertThat(failure()).isEqualTo("beacon.link-secret is not set (required outside demo mode: at least 32 "
				+ "characters, the same on every instance)");
		assertThat(failure("beacon.demo.enabled=false", "beacon.link-secret= ")).isEqualTo(
				"beacon.link-secret is not set (required outside demo mode: at least 32 characters, the same on every instance)");
	}

	@Test
	void aShortSecretOrAShortEntryOfARotationListStopsStartup() {
		assertThat(failure("beacon.link-secret=secret")).isEqualTo("beacon.link-secret is shorter than 32 characters");
		assertThat(failure("beacon.link-secret=" + GOOD + ",short"))
			.isEqualTo("beacon.link-secret (entry 2) is shorter than 32 characters");
		starts("beacon.link-secret=" + GOOD + ", " + OTHER);
	}

	@Test
	void theUnsubscribeSecretIsCheckedWhenSetAndOtherwiseFallsBackToTheLinkSecret() {
		starts("beacon.link-secret=" + GOOD);
		assertThat(failure("beacon.link-secret=" + GOOD, "beacon.notify.unsubscribe-secret=short"))
			.isEqualTo("beacon.notify.unsubscribe-secret is shorter than 32 characters");
		starts("beacon.link-secret=" + GOOD, "beacon.notify.unsubscribe-secret=" + OTHER);
	}

	@Test
	void demoModeAndTheCommandLineToolsNeedNoSecret() {
		starts("beacon.demo.enabled=true");
		starts(CommandMode.COMMAND_PROPERTY + "=admin");
	}

}
