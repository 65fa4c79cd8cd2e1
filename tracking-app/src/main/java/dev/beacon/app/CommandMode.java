package dev.beacon.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * The command-line tools ({@code java -jar beacon.jar import ...},
 * {@code java -jar beacon.jar admin ...},
 * {@code java -jar beacon.jar promise backtest ...}) run the same application with the
 * same options as the server (datasource, secrets, even {@code --server.port}), but open
 * no port, start no background job and print only their own output. The properties below
 * outrank every other source, so an option meant for the server cannot turn a tool into a
 * second server.
 */
public final class CommandMode implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** Set (to the command's name) while a command-line tool runs. */
	public static final String COMMAND_PROPERTY = "beacon.command";

	private static final Set<String> COMMANDS = Set.of("import", "admin", "promise");

	private final String command;

	private CommandMode(String command) {
		this.command = command;
	}

	/**
	 * Switches {@code app} to command mode when the first non-option argument names a
	 * command, read the way the commands themselves read it (options such as
	 * {@code --spring.config.additional-location=...} may come before the command word).
	 */
	public static void configure(SpringApplication app, String[] args) {
		List<String> words = new DefaultApplicationArguments(args).getNonOptionArgs();
		if (!words.isEmpty() && COMMANDS.contains(words.get(0))) {
			app.addListeners(new CommandMode(words.get(0)));
		}
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Map<String, Object> forced = new LinkedHashMap<>();
		forced.put(COMMAND_PROPERTY, this.command);
		// A web application context (the console's and the page's beans need one), but
		// no connector: no port is opened, so a tool runs beside a running server.
		forced.put("server.port", "-1");
		forced.put("management.server.port", "-1");
		forced.put("spring.main.banner-mode", "off");
		forced.put("logging.threshold.console", "error");
		forced.put("beacon.scheduling.enabled", "false");
		forced.put("beacon.carriers.poll.enabled", "false");
		forced.put("beacon.loops.enabled", "false");
		forced.put("beacon.webhooks.dispatch", "false");
		forced.put("beacon.demo.enabled", "false");
		event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("beaconCommandMode", forced));
	}

	/** After the environment post-processors, before logging is initialised. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

}
