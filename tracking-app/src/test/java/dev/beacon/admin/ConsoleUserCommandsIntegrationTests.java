package dev.beacon.admin;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.store.NewStore;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar beacon.jar admin ...} in process (the packaged jar runs the same
 * command in {@code CommandLineIT}): one line out, exit 0, or one {@code error:} line, a
 * non-zero exit and nothing changed.
 */
@BeaconIntegrationTest
class ConsoleUserCommandsIntegrationTests {

	private static final String PASSWORD = "a long enough password";

	@Autowired
	ConsoleUserCommands commands;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	private Store a;

	private Store b;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	@BeforeEach
	void stores() {
		this.a = this.stores.provision(new NewStore("Cli A", TestStores.uniqueSlug("cli-a"), null, null)).store();
		this.b = this.stores.provision(new NewStore("Cli B", TestStores.uniqueSlug("cli-b"), null, null)).store();
	}

	private Result run(String stdin, String... args) {
		this.bytes.reset();
		DefaultApplicationArguments parsed = new DefaultApplicationArguments(args);
		PrintStream out = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);
		int code = this.commands.execute(parsed.getNonOptionArgs(), parsed, new BufferedReader(new StringReader(stdin)),
				out);
		return new Result(code, Arrays.asList(this.bytes.toString(StandardCharsets.UTF_8).split("\n")));
	}

	record Result(int code, List<String> lines) {
	}

	@Test
	void createUserReadsThePasswordFromStandardInputAndPrintsOneLine() {
		String name = TestStores.uniqueSlug("first-admin");
		Result r = run(PASSWORD + "\n", "admin", "create-user", "--username=" + name, "--role=ADMIN",
				"--stores=" + this.a.getSlug() + "," + this.b.getSlug());
		assertThat(r).isEqualTo(new Result(0,
				List.of("created ADMIN user '" + name + "' for " + this.a.getSlug() + ", " + this.b.getSlug())));
		ConsoleUser user = this.users.byUsername(name).orElseThrow();
		assertThat(user.role()).isEqualTo(Role.ADMIN);
		assertThat(user.storeIds()).isEqualTo(Set.of(this.a.getId(), this.b.getId()));
		assertThat(this.users.encoder().matches(PASSWORD, this.users.passwordHash(name))).isTrue();
	}

	@Test
	void anOperatorTakesNoStoresAndSeesEveryStore() {
		String name = TestStores.uniqueSlug("operator");
		assertThat(run(PASSWORD, "admin", "create-user", "--username=" + name, "--role=operator"))
			.isEqualTo(new Result(0, List.of("created OPERATOR user '" + name + "' for every store")));
		assertThat(this.users.byUsername(name).orElseThrow().storeIds()).isEmpty();
		assertThat(run(PASSWORD, "admin", "create-user", "--username=" + name + "-2", "--role=OPERATOR",
				"--stores=" + this.a.getSlug()))
			.isEqualTo(new Result(1, List.of("error: an OPERATOR works on every store: leave out --stores")));
	}

	@Test
	void badInputPrintsOneLineExitsNonZeroAndChangesNothing() {
		String name = TestStores.uniqueSlug("bad");
		assertThat(run(PASSWORD, "admin", "create-user", "--username=" + name, "--role=ADMIN",
				"--stores=" + this.a.getSlug() + ",no-such-store"))
			.isEqualTo(new Result(1, List.of("error: no store with slug 'no-such-store'")));
		assertThat(run("short pass", "admin", "create-user", "--username=" + name, "--role=AGENT",
				"--stores=" + this.a.getSlug()))
			.isEqualTo(new Result(1, List.of("error: the password must be 12 to 200 characters")));
		assertThat(run(PASSWORD, "admin", "create-user", "--username=" + name, "--role=BOSS",
				"--stores=" + this.a.getSlug()))
			.isEqualTo(new Result(1, List.of("error: unknown role 'BOSS' (AGENT, OPS, ADMIN or OPERATOR)")));
		assertThat(
				run("", "admin", "create-user", "--username=" + name, "--role=AGENT", "--stores=" + this.a.getSlug()))
			.isEqualTo(new Result(1, List.of("error: no password on standard input (one line expected)")));
		assertThat(this.users.byUsername(name)).isEmpty();
		assertThat(run(PASSWORD, "admin", "create-user", "--username=" + name, "--role=AGENT",
				"--stores=" + this.a.getSlug())
			.code()).isZero();
		assertThat(run("another long password", "admin", "create-user", "--username=" + name.toUpperCase(),
				"--role=ADMIN", "--stores=" + this.b.getSlug()))
			.isEqualTo(new Result(1, List.of("error: a user named '" + name + "' already exists")));
		ConsoleUser unchanged = this.users.byUsername(name).orElseThrow();
		assertThat(unchanged.role()).isEqualTo(Role.AGENT);
		assertThat(unchanged.storeIds()).isEqualTo(Set.of(this.a.getId()));
		assertThat(this.users.encoder().matches(PASSWORD, this.users.passwordHash(name))).isTrue();
		assertThat(run(PASSWORD, "admin", "create-user").code()).isEqualTo(2);
		assertThat(run(PASSWORD, "admin", "frobnicate", "--username=" + name).code()).isEqualTo(2);
	}

	@Test
	void resetPasswordAndUnlockRescueALockedOutAdmin() {
		String name = TestStores.uniqueSlug("locked-admin");
		ConsoleUser user = this.users.createUser(name, "", PASSWORD, Role.ADMIN, Set.of(this.a.getId()));
		for (int i = 0; i < 5; i++) {
			this.users.loginFailed(name);
		}
		assertThat(this.users.byUsername(name).orElseThrow().lockedUntil()).isNotNull();
		assertThat(run("", "admin", "unlock", "--username=" + name))
			.isEqualTo(new Result(0, List.of("'" + name + "' unlocked")));
		assertThat(this.users.byId(user.id()).orElseThrow().lockedUntil()).isNull();
		assertThat(run("short", "admin", "reset-password", "--username=" + name))
			.isEqualTo(new Result(1, List.of("error: the password must be 12 to 200 characters")));
		assertThat(this.users.encoder().matches(PASSWORD, this.users.passwordHash(name))).isTrue();
		assertThat(run("a brand new password\n", "admin", "reset-password", "--username=" + name))
			.isEqualTo(new Result(0, List.of("password of '" + name + "' changed (and the account unlocked)")));
		assertThat(this.users.encoder().matches("a brand new password", this.users.passwordHash(name))).isTrue();
		assertThat(run("", "admin", "unlock", "--username=nobody-" + name))
			.isEqualTo(new Result(1, List.of("error: no user named 'nobody-" + name + "'")));
	}

}
