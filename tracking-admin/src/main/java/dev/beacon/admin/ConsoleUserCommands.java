package dev.beacon.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Console users from the command line, for the first admin of a production install and
 * for the day every admin is locked out:
 * <ul>
 * <li>{@code java -jar beacon.jar admin create-user --username=NAME --role=ADMIN --stores=slug[,slug]}
 * (an OPERATOR takes no {@code --stores});</li>
 * <li>{@code java -jar beacon.jar admin reset-password --username=NAME};</li>
 * <li>{@code java -jar beacon.jar admin unlock --username=NAME}.</li>
 * </ul>
 * Passwords are read from standard input (one line), never from an argument. Each command
 * prints one line and exits 0, or prints one line starting with {@code error:} and exits
 * 1 (bad input, nothing changed) or 2 (usage).
 */
@Component
class ConsoleUserCommands implements ApplicationRunner {

	static final String USAGE = "usage: java -jar beacon.jar admin create-user --username=NAME "
			+ "--role=AGENT|OPS|ADMIN|OPERATOR [--stores=slug[,slug]] [--display-name=NAME] | "
			+ "admin reset-password --username=NAME | admin unlock --username=NAME (passwords on standard input)";

	private final ConsoleUserManagement users;

	private final StoreManagement stores;

	private final ConfigurableApplicationContext context;

	ConsoleUserCommands(ConsoleUserManagement users, StoreManagement stores, ConfigurableApplicationContext context) {
		this.users = users;
		this.stores = stores;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.isEmpty() || !"admin".equals(words.get(0))) {
			return;
		}
		BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		int code = execute(words, args, stdin, System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int execute(List<String> words, ApplicationArguments args, BufferedReader stdin, PrintStream out) {
		String command = (words.size() == 2) ? words.get(1) : "";
		String username = option(args, "username");
		if (username == null || username.isBlank()) {
			out.println(USAGE);
			return 2;
		}
		try {
			return switch (command) {
				case "create-user" -> createUser(username, args, stdin, out);
				case "reset-password" -> resetPassword(username, stdin, out);
				case "unlock" -> unlock(username, out);
				default -> {
					out.println(USAGE);
					yield 2;
				}
			};
		}
		catch (InvalidInput ex) {
			out.println("error: " + ex.getMessage());
			return 1;
		}
	}

	private int createUser(String username, ApplicationArguments args, BufferedReader stdin, PrintStream out) {
		Role role = role(option(args, "role"));
		String storeList = option(args, "stores");
		Set<UUID> storeIds = new LinkedHashSet<>();
		List<String> slugs = List.of();
		if (role == Role.OPERATOR) {
			if (storeList != null) {
				throw new InvalidInput("an OPERATOR works on every store: leave out --stores");
			}
		}
		else {
			slugs = (storeList == null) ? List.of()
					: Arrays.stream(storeList.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
			if (slugs.isEmpty()) {
				throw new InvalidInput("--stores=slug[,slug] is required for role " + role);
			}
			for (String slug : slugs) {
				Optional<Store> store = this.stores.bySlug(slug);
				storeIds.add(store.orElseThrow(() -> new InvalidInput("no store with slug '" + slug + "'")).getId());
			}
		}
		if (this.users.byUsername(username).isPresent()) {
			throw new InvalidInput("a user named '" + username.strip().toLowerCase(Locale.ROOT) + "' already exists");
		}
		String password = password(stdin);
		String displayName = option(args, "display-name");
		ConsoleUser user;
		try {
			user = this.users.createUser(username, (displayName != null) ? displayName : "", password, role, storeIds);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage());
		}
		out.println("created " + role + " user '" + user.username() + "'"
				+ ((role == Role.OPERATOR) ? " for every store" : " for " + String.join(", ", slugs)));
		return 0;
	}

	private int resetPassword(String username, BufferedReader stdin, PrintStream out) {
		ConsoleUser user = existing(username);
		this.users.changePassword(user.id(), password(stdin));
		out.println("password of '" + user.username() + "' changed (and the account unlocked)");
		return 0;
	}

	private int unlock(String username, PrintStream out) {
		ConsoleUser user = existing(username);
		this.users.unlock(user.id());
		out.println("'" + user.username() + "' unlocked");
		return 0;
	}

	private ConsoleUser existing(String username) {
		return this.users.byUsername(username)
			.orElseThrow(() -> new InvalidInput("no user named '" + username.strip().toLowerCase(Locale.ROOT) + "'"));
	}

	private static Role role(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("--role=AGENT|OPS|ADMIN|OPERATOR is required");
		}
		try {
			return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("unknown role '" + value.strip() + "' (AGENT, OPS, ADMIN or OPERATOR)");
		}
	}

	/** One line from standard input, without its line end. */
	private static String password(BufferedReader stdin) {
		String line;
		try {
			line = stdin.readLine();
		}
		catch (IOException ex) {
			throw new InvalidInput("cannot read the password from standard input: " + ex.getMessage());
		}
		if (line == null) {
			throw new InvalidInput("no password on standard input (one line expected)");
		}
		String problem = ConsoleUserManagement.passwordProblem(line);
		if (problem != null) {
			throw new InvalidInput(problem);
		}
		return line;
	}

	private static @Nullable String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** Bad input: reported as one line, nothing changed. */
	static final class InvalidInput extends RuntimeException {

		InvalidInput(String message) {
			super(message);
		}

	}

}
