package dev.beacon.web.page;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.support.HelpTopic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language bundle of the tracking page has every key of the English base bundle
 * (and no other), with the same placeholders; every key the templates and the code use
 * exists.
 */
class MessageBundlesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n/web");

	private static Properties load(String file) throws IOException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\{(\\d+)").matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	@ParameterizedTest
	@ValueSource(strings = { "es", "pt_BR", "de", "fr" })
	void aBundleHasExactlyTheBaseKeysWithTheSamePlaceholders(String language) throws IOException {
		Properties base = load("messages.properties");
		Properties bundle = load("messages_" + language + ".properties");
		assertThat(bundle.stringPropertyNames()).as("keys of messages_%s", language)
			.containsExactlyInAnyOrderElementsOf(base.stringPropertyNames());
		for (String key : base.stringPropertyNames()) {
			String text = bundle.getProperty(key);
			assertThat(text).as("%s in %s", key, language).isNotBlank();
			assertThat(placeholders(text)).as("placeholders of %s in %s", key, language)
				.isEqualTo(placeholders(base.getProperty(key)));
			assertThat(text).as("%s in %s uses ’ rather than ' (MessageFormat quoting)", key, language)
				.doesNotContain("'");
			new MessageFormat(text, Locale.forLanguageTag(language.replace('_', '-')));
		}
	}

	@Test
	void everySupportedLanguageHasABundle() {
		for (Locale l : ShopperLocales.SUPPORTED) {
			String suffix = l.equals(Locale.ENGLISH) ? "" : "_" + l.toString();
			assertThat(BUNDLES.resolve("messages" + suffix + ".properties")).exists();
		}
	}

	@Test
	void everyKeyTheTemplatesAndTheCodeUseExists() throws IOException {
		Properties base = load("messages.properties");
		Set<String> used = new TreeSet<>();
		Pattern templateKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
		Pattern codeKey = Pattern.compile("msg\\(locale, \"([A-Za-z0-9_.]+)\"");
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/web/page")),
				Files.list(Path.of("src/main/java/dev/beacon/web/page")))) {
			for (Path file : files.toList()) {
				String text = Files.readString(file);
				for (Pattern p : new Pattern[] { templateKey, codeKey }) {
					Matcher m = p.matcher(text);
					while (m.find()) {
						if (!m.group(1).endsWith(".")) {
							used.add(m.group(1));
						}
					}
				}
			}
		}
		for (Milestone m : Milestone.values()) {
			used.add("status." + m.name());
			if (m != Milestone.ORDERED && m != Milestone.LABEL_CREATED) {
				used.add("next." + m.name());
			}
			for (Health h : Health.values()) {
				for (Reason r : Reason.values()) {
					String todo = ShopperStatus.todoKey(m, h, r);
					if (todo != null) {
						used.add("todo." + todo);
					}
				}
				String todo = ShopperStatus.todoKey(m, h, null);
				if (todo != null) {
					used.add("todo." + todo);
				}
			}
		}
		for (Reason r : Reason.values()) {
			used.add("reason." + r.name());
		}
		for (HelpTopic t : HelpTopic.values()) {
			used.add("help.topic." + t.name());
		}
		for (String step : Timeline.STEPS) {
			used.add("timeline.step." + step);
		}
		for (String state : new String[] { "done", "current", "warn", "problem", "todo" }) {
			used.add("timeline.state." + state);
		}
		for (PageModels.Tone tone : PageModels.Tone.values()) {
			used.add("tone." + tone.css());
		}
		for (String code : new String[] { "400", "403", "404", "429", "500" }) {
			used.add("error.title." + code);
			used.add("error.text." + code);
		}
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(base.stringPropertyNames()).containsAll(used);
	}

}
