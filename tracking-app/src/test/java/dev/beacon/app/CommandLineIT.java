package dev.beacon.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.beacon.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line tools run from the packaged jar (failsafe, after {@code package}):
 * {@code java -jar target/beacon.jar admin create-user ...} and
 * {@code java -jar target/beacon.jar import ...}, with a plain JDBC URL, no secrets and
 * the server's own {@code --server.port} (which must not be opened).
 */
class CommandLineIT {

	private static final Path JAR = Path.of("target", "beacon.jar");

	@Test
	void theAdminAndImportCommandsRunFromThePackagedJar() throws Exception {
		TestDatabase.prepare();
		String name = "jar-operator";
		Run create = run("a long jar password\n", "admin", "create-user", "--username=" + name, "--role=OPERATOR");
		assertThat(create).isEqualTo(new Run(0, List.of("created OPERATOR user '" + name + "' for every store")));
		try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password());
				PreparedStatement st = c.prepareStatement("select role from beacon.console_users where username = ?")) {
			st.setString(1, name);
			try (ResultSet rs = st.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("OPERATOR");
			}
		}
		Path csv = Files.createTempFile("history", ".csv");
		Files.writeString(csv, "order_number\n");
		Run importRun = run("", "import", "--store=no-such-store", "--file=" + csv);
		assertThat(importRun).isEqualTo(new Run(2, List.of("no store with slug 'no-such-store'")));
		Files.delete(csv);
	}

	private Run run(String stdin, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		command.add("--spring.datasource.url=" + TestDatabase.url());
		command.add("--spring.datasource.username=" + TestDatabase.user());
		command.add("--spring.datasource.password=" + TestDatabase.password());
		command.add("--server.port=8080");
		Path out = Files.createTempFile("beacon-cli", ".out");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the command finished").isTrue();
		List<String> lines = Files.readAllLines(out).stream().filter((l) -> !l.isBlank()).toList();
		Files.delete(out);
		return new Run(process.exitValue(), lines);
	}

	private static String javaBinary() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

	record Run(int code, List<String> lines) {
	}

}
