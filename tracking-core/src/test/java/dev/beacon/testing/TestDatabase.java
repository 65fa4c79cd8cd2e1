package dev.beacon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at a PostgreSQL database of its own, recreated empty
 * once per test JVM. The database name comes from the system property
 * {@code beacon.test.db} (default {@code beacon_test}; the demo's database is never
 * touched); the server from {@code BEACON_TEST_PG_HOST} (default {@code 127.0.0.1:5432}),
 * user and password from {@code BEACON_TEST_PG_USER}/{@code BEACON_TEST_PG_PASSWORD}
 * (default postgres, none). Registered in {@code META-INF/spring.factories} of the core
 * test-jar.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static volatile boolean prepared;

	public static String name() {
		return System.getProperty("beacon.test.db", "beacon_test");
	}

	public static String host() {
		return env("BEACON_TEST_PG_HOST", "127.0.0.1:5432");
	}

	public static String user() {
		return env("BEACON_TEST_PG_USER", "postgres");
	}

	public static String password() {
		return env("BEACON_TEST_PG_PASSWORD", "");
	}

	public static String url() {
		return "jdbc:postgresql://" + host() + "/" + name();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		prepare();
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", url());
		props.put("spring.datasource.username", user());
		props.put("spring.datasource.password", password());
		props.put("spring.datasource.hikari.maximum-pool-size", "8");
		props.put("spring.flyway.out-of-order", "true");
		props.put("spring.jpa.hibernate.ddl-auto", "validate");
		props.put("spring.jpa.open-in-view", "false");
		props.put("management.health.mail.enabled", "false");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("beaconTestDatabase", props));
	}

	/** Drops and recreates the test database, once per JVM. */
	public static synchronized void prepare() {
		if (prepared) {
			return;
		}
		String name = name();
		if (!name.matches("[a-z_][a-z0-9_]{0,62}") || name.equals("beacon") || name.equals("postgres")) {
			throw new IllegalStateException("refusing to use '" + name + "' as a throw-away test database");
		}
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host() + "/postgres", user(),
				password()); Statement st = c.createStatement()) {
			st.execute("drop database if exists " + name + " with (force)");
			st.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tests need PostgreSQL at " + host() + " (user " + user()
					+ "); start it (e.g. pg_ctlcluster 15 main start) or set BEACON_TEST_PG_HOST: " + ex.getMessage(),
					ex);
		}
		prepared = true;
	}

	private static String env(String key, String fallback) {
		String v = System.getenv(key);
		return (v == null || v.isBlank()) ? fallback : v;
	}

}
