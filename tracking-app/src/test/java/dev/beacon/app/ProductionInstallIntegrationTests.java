package dev.beacon.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.store.NewStore;
import dev.beacon.store.ProvisionedStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A production install (issue 9, "Start and configure"): the test context itself runs
 * outside demo mode on a plain JDBC URL, and a store manages its settings over the API.
 */
@BeaconIntegrationTest
class ProductionInstallIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreManagement stores;

	@Autowired
	ApplicationContext context;

	@Test
	void noGeneratedInMemoryUserExists() {
		// Spring Boot would add user/<random password> and print it in the log of every
		// production start; console users come from PostgreSQL only.
		assertThat(this.context.getBeansOfType(UserDetailsService.class)).isEmpty();
	}

	@Test
	void aPlainJdbcUrlPutsFlywayAndHibernateInTheBeaconSchema() {
		assertThat(this.environment.getProperty("spring.datasource.url")).doesNotContain("currentSchema")
			.matches("jdbc:postgresql://[^?]+/[a-z0-9_]+");
		assertThat(this.environment.getProperty("beacon.demo.enabled", Boolean.class, false)).isFalse();
		assertThat(this.jdbc.queryForObject("select current_schema()", String.class)).isEqualTo("beacon");
		assertThat(this.jdbc
			.queryForObject(
					"select count(*) from information_schema.tables where table_schema = 'beacon' and table_name in "
							+ "('flyway_schema_history', 'stores', 'api_keys', 'orders', 'console_users')",
					Integer.class))
			.isEqualTo(5);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'stores'",
				Integer.class))
			.isZero();
	}

	@Test
	void aStoreReadsAndChangesItsOwnSettings() throws Exception {
		ProvisionedStore p = this.stores
			.provision(new NewStore("Settings Co", TestStores.uniqueSlug("settings"), "en", "America/Chicago"));
		String key = "Bearer " + p.apiKey();
		this.mvc.perform(get("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value(p.store().getSlug()))
			.andExpect(jsonPath("$.name").value("Settings Co"))
			.andExpect(jsonPath("$.defaultLocale").value("en"))
			.andExpect(jsonPath("$.timeZone").value("America/Chicago"))
			.andExpect(jsonPath("$.brand.primaryColor").value("#1d4ed8"))
			.andExpect(jsonPath("$.support.hours").doesNotExist())
			.andExpect(jsonPath("$.shipping.cutoffTime").value("14:00"))
			.andExpect(jsonPath("$.shipping.handlingDays").value(1));
		this.mvc
			.perform(patch("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"Settings & Co","defaultLocale":"pt-BR","timeZone":"America/Sao_Paulo",
						 "brand":{"logoUrl":"https://cdn.example.com/logo.png","primaryColor":"#112233"},
						 "support":{"email":"help@settings.example","phone":"+55 11 5555 0100",
						            "url":"https://settings.example/help","hours":"Mon-Fri 9-18"},
						 "shipping":{"cutoffTime":"15:30","handlingDays":2}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Settings & Co"))
			.andExpect(jsonPath("$.defaultLocale").value("pt-BR"))
			.andExpect(jsonPath("$.timeZone").value("America/Sao_Paulo"))
			.andExpect(jsonPath("$.brand.logoUrl").value("https://cdn.example.com/logo.png"))
			.andExpect(jsonPath("$.brand.primaryColor").value("#112233"))
			.andExpect(jsonPath("$.brand.accentColor").value("#0f766e"))
			.andExpect(jsonPath("$.support.email").value("help@settings.example"))
			.andExpect(jsonPath("$.support.phone").value("+55 11 5555 0100"))
			.andExpect(jsonPath("$.support.url").value("https://settings.example/help"))
			.andExpect(jsonPath("$.support.hours").value("Mon-Fri 9-18"))
			.andExpect(jsonPath("$.shipping.cutoffTime").value("15:30"))
			.andExpect(jsonPath("$.shipping.handlingDays").value(2));
		// a subset changes only itself; null clears an optional field
		this.mvc
			.perform(patch("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"support\":{\"hours\":null}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.support.hours").doesNotExist())
			.andExpect(jsonPath("$.support.email").value("help@settings.example"))
			.andExpect(jsonPath("$.shipping.handlingDays").value(2));
		this.mvc.perform(get("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key))
			.andExpect(jsonPath("$.name").value("Settings & Co"))
			.andExpect(jsonPath("$.shipping.cutoffTime").value("15:30"));
	}

	@Test
	void invalidSettingsAreProblemsNamingTheFieldAndChangeNothing() throws Exception {
		ProvisionedStore p = this.stores
			.provision(new NewStore("Strict Co", TestStores.uniqueSlug("strict"), "en", "America/Chicago"));
		String key = "Bearer " + p.apiKey();
		String[][] cases = { { "{\"brand\":{\"primaryColor\":\"blue\"}}", "brand.primaryColor" },
				{ "{\"timeZone\":\"Mars/Olympus\"}", "timeZone" }, { "{\"defaultLocale\":\"!!\"}", "defaultLocale" },
				{ "{\"shipping\":{\"cutoffTime\":\"25:00\"}}", "shipping.cutoffTime" },
				{ "{\"shipping\":{\"handlingDays\":-1}}", "shipping.handlingDays" },
				{ "{\"support\":{\"email\":\"not-an-email\"}}", "support.email" },
				{ "{\"brand\":{\"logoUrl\":\"http://insecure.example/logo.png\"}}", "brand.logoUrl" },
				{ "{\"name\":\"  \"}", "name" }, { "{\"shipping\":{\"days\":3}}", "shipping.days" },
				{ "{\"colour\":\"#000000\"}", "colour" } };
		for (String[] c : cases) {
			this.mvc
				.perform(patch("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key)
					.contentType(MediaType.APPLICATION_JSON)
					.content(c[0]))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(c[1]));
		}
		this.mvc.perform(get("/api/v1/store").header(HttpHeaders.AUTHORIZATION, key))
			.andExpect(jsonPath("$.name").value("Strict Co"))
			.andExpect(jsonPath("$.timeZone").value("America/Chicago"))
			.andExpect(jsonPath("$.brand.primaryColor").value("#1d4ed8"));
		this.mvc.perform(get("/api/v1/store")).andExpect(status().isUnauthorized());
	}

}
