package dev.beacon.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's hardening (security review M3, M4, M5, M12) in the assembled application.
 * Each test signs in from its own client address so the per-address throttle of one test
 * never touches another.
 */
@BeaconIntegrationTest
class ConsoleHardeningIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	private Store a;

	private Store b;

	@BeforeEach
	void stores() {
		this.a = this.stores.provision(new NewStore("Hard A", TestStores.uniqueSlug("hard-a"), null, null)).store();
		this.b = this.stores.provision(new NewStore("Hard B", TestStores.uniqueSlug("hard-b"), null, null)).store();
	}

	private ConsoleUser newUser(Role role, Store... stores) {
		Set<java.util.UUID> ids = new java.util.HashSet<>();
		for (Store s : stores) {
			ids.add(s.getId());
		}
		return this.users.createUser(TestStores.uniqueSlug(role.name().toLowerCase()), "", PASSWORD, role, ids);
	}

	private MockHttpServletRequestBuilder login(String ip, String username, String password) {
		return post("/console/login").param("username", username).param("password", password).with(csrf()).with((r) -> {
			r.setRemoteAddr(ip);
			return r;
		});
	}

	private String answer(String ip, String username, String password) throws Exception {
		return this.mvc.perform(login(ip, username, password)).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void disablingAUserEndsTheirOpenSessionAtItsNextRequest() throws Exception {
		ConsoleUser agent = newUser(Role.AGENT, this.a);
		MvcResult signedIn = this.mvc.perform(login("192.0.2.11", agent.username(), PASSWORD))
			.andExpect(redirectedUrl("/console"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
		this.mvc.perform(get("/console").session(session)).andExpect(status().isOk());
		ConsoleUser admin = newUser(Role.ADMIN, this.a);
		this.mvc
			.perform(post("/console/admin/users/" + agent.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(user(ConsolePrincipal.of(admin))))
			.andExpect(redirectedUrl("/console/admin/users"));
		this.mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void anAdminActsOnlyOnUsersWhoseStoresAreAllTheirs() throws Exception {
		ConsoleUser adminOfA = newUser(Role.ADMIN, this.a);
		ConsoleUser sharedAdmin = newUser(Role.ADMIN, this.a, this.b);
		ConsoleUser agentOfA = newUser(Role.AGENT, this.a);
		this.mvc
			.perform(post("/console/admin/users/" + sharedAdmin.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(user(ConsolePrincipal.of(adminOfA))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/console/admin/users/" + sharedAdmin.id() + "/unlock").with(csrf())
				.with(user(ConsolePrincipal.of(adminOfA))))
			.andExpect(status().isNotFound());
		assertThat(this.users.byId(sharedAdmin.id()).orElseThrow().enabled()).isTrue();
		this.mvc
			.perform(post("/console/admin/users/" + agentOfA.id() + "/enabled").param("enabled", "false")
				.with(csrf())
				.with(user(ConsolePrincipal.of(sharedAdmin))))
			.andExpect(redirectedUrl("/console/admin/users"));
		assertThat(this.users.byId(agentOfA.id()).orElseThrow().enabled()).isFalse();
	}

	@Test
	void onlyAnOperatorCreatesStoresInTheConsole() throws Exception {
		ConsoleUser admin = newUser(Role.ADMIN, this.a);
		String slug = TestStores.uniqueSlug("console-made");
		this.mvc
			.perform(post("/console/admin/stores").param("name", "Console Made")
				.param("slug", slug)
				.with(csrf())
				.with(user(ConsolePrincipal.of(admin))))
			.andExpect(status().isForbidden());
		assertThat(this.stores.bySlug(slug)).isEmpty();
		ConsoleUser operator = newUser(Role.OPERATOR);
		MvcResult created = this.mvc
			.perform(post("/console/admin/stores").param("name", "Console Made")
				.param("slug", slug)
				.with(csrf())
				.with(user(ConsolePrincipal.of(operator))))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Store store = this.stores.bySlug(slug).orElseThrow();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/console/admin/stores/" + store.getId());
		// the operator sees every store without being bound to it
		this.mvc.perform(get("/console/admin/stores/" + this.b.getId()).with(user(ConsolePrincipal.of(operator))))
			.andExpect(status().isOk());
		assertThat(this.users.byId(operator.id()).orElseThrow().storeIds()).isEmpty();
	}

	@Test
	void lockedDisabledUnknownAndWrongPasswordAnswerAlike() throws Exception {
		String ip = "192.0.2.12";
		ConsoleUser locked = newUser(Role.AGENT, this.a);
		for (int i = 0; i < 5; i++) {
			this.users.loginFailed(locked.username());
		}
		ConsoleUser disabled = newUser(Role.AGENT, this.a);
		this.users.setEnabled(disabled.id(), false);
		ConsoleUser fine = newUser(Role.AGENT, this.a);
		assertThat(answer(ip, locked.username(), PASSWORD)).isEqualTo("/console/login?error");
		assertThat(answer(ip, disabled.username(), PASSWORD)).isEqualTo("/console/login?error");
		assertThat(answer(ip, "no-such-user-" + fine.username(), PASSWORD)).isEqualTo("/console/login?error");
		assertThat(answer(ip, fine.username(), "wrong password!")).isEqualTo("/console/login?error");
		assertThat(answer(ip, fine.username(), PASSWORD)).isEqualTo("/console");
	}

	@Test
	void anExpiredLockStartsANewCountInsteadOfLockingAgainAtTheNextFailure() throws Exception {
		ConsoleUser agent = newUser(Role.AGENT, this.a);
		this.jdbc.update("update console_users set failed_attempts = 5, locked_until = ? where id = ?",
				Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), agent.id());
		assertThat(answer("192.0.2.13", agent.username(), "wrong password!")).isEqualTo("/console/login?error");
		ConsoleUser after = this.users.byId(agent.id()).orElseThrow();
		assertThat(after.failedAttempts()).isEqualTo(1);
		assertThat(after.lockedUntil()).isNull();
		assertThat(answer("192.0.2.13", agent.username(), PASSWORD)).isEqualTo("/console");
	}

	@Test
	void oneClientAddressMayTryOnlySoManySignInsWhateverTheUsernames() throws Exception {
		// the counts live in PostgreSQL (shared by all instances) and outlast a test run
		this.jdbc.update("delete from window_counters where key in ('console-login|203.0.113.77', "
				+ "'console-login|203.0.113.78', 'console-login|2001:db8:1:2:0:0:0:0/64')");
		ConsoleUser agent = newUser(Role.AGENT, this.a);
		String ip = "203.0.113.77";
		for (int i = 0; i < 30; i++) {
			assertThat(answer(ip, "sprayed-" + i + "-" + agent.username(), PASSWORD)).as("attempt " + (i + 1))
				.isEqualTo("/console/login?error");
		}
		assertThat(answer(ip, agent.username(), PASSWORD)).isEqualTo("/console/login?throttled");
		assertThat(answer("203.0.113.78", agent.username(), PASSWORD)).isEqualTo("/console");
		// IPv6 clients are one client per /64
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(login("2001:db8:1:2::" + Integer.toHexString(i + 1), "sprayed-" + i, PASSWORD));
		}
		assertThat(answer("2001:db8:1:2:ffff::1", agent.username(), PASSWORD)).isEqualTo("/console/login?throttled");
	}

}
