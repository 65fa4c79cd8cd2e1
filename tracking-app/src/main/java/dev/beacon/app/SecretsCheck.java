package dev.beacon.app;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.beacon.order.TrackingLinks;

/**
 * Outside demo mode the server refuses to start without real secrets:
 * {@code beacon.link-secret} must be set, and every entry of its comma-separated list
 * (rotation: the first signs, any verifies) at least {@value #MIN_LENGTH} characters.
 * {@code beacon.notify.unsubscribe-secret} is checked the same way when set; unset, it
 * falls back to {@code beacon.link-secret}. Runs before any bean is created, so the
 * failure is the first and only one; the command-line tools (which sign nothing) skip it.
 */
@Configuration(proxyBeanMethods = false)
class SecretsCheck {

	static final int MIN_LENGTH = 32;

	@Bean
	static BeanFactoryPostProcessor beaconSecretsCheck(Environment environment) {
		return (beanFactory) -> check(environment);
	}

	static void check(Environment env) {
		if (env.getProperty("beacon.demo.enabled", Boolean.class, false)
				|| env.getProperty(CommandMode.COMMAND_PROPERTY) != null) {
			return;
		}
		checkList("beacon.link-secret", env.getProperty("beacon.link-secret"), true);
		checkList("beacon.notify.unsubscribe-secret", env.getProperty("beacon.notify.unsubscribe-secret"), false);
	}

	private static void checkList(String property, @Nullable String value, boolean required) {
		List<String> secrets = TrackingLinks.secrets(value);
		if (secrets.isEmpty()) {
			if (required) {
				throw new InvalidSecretException(property + " is not set (required outside demo mode: at least "
						+ MIN_LENGTH + " characters, the same on every instance)");
			}
			return;
		}
		for (int i = 0; i < secrets.size(); i++) {
			if (secrets.get(i).length() < MIN_LENGTH) {
				throw new InvalidSecretException(property + ((secrets.size() > 1) ? " (entry " + (i + 1) + ")" : "")
						+ " is shorter than " + MIN_LENGTH + " characters");
			}
		}
	}

	/** A missing or weak secret; reported as one line by {@link Analyzer}. */
	static class InvalidSecretException extends RuntimeException {

		InvalidSecretException(String message) {
			super(message);
		}

	}

	/** Turns {@link InvalidSecretException} into one line and what to do about it. */
	static class Analyzer extends AbstractFailureAnalyzer<InvalidSecretException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecretException cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Set it to at least " + MIN_LENGTH + " random characters (for example the output of "
							+ "'openssl rand -base64 48'); to rotate, list the new secret first, comma-separated. "
							+ "To try Beacon without secrets, start it with beacon.demo.enabled=true.",
					cause);
		}

	}

}
