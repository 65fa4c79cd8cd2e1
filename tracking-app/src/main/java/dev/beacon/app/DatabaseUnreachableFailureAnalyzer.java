package dev.beacon.app;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Startup fails fast with one clear message when PostgreSQL cannot be reached, instead of
 * a page of stack traces.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		Throwable t = failure;
		while (t != null) {
			if (t instanceof ConnectException || t instanceof UnknownHostException || (t instanceof SQLException sql
					&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				String url = this.environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
				return new FailureAnalysis("Beacon cannot reach PostgreSQL at " + url + ": " + t.getMessage(),
						"Start PostgreSQL (for example: pg_ctlcluster 15 main start) or point "
								+ "spring.datasource.url/username/password at a running server.",
						failure);
			}
			t = t.getCause();
		}
		return null;
	}

}
