package dev.beacon.shipment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

/**
 * A carrier's versioned mapping from raw scan codes to {@link Normalization}s: rules are
 * data, loaded from a CSV resource whose first line is {@code # version: N}, then a
 * header {@code rule_id,code,text_pattern,milestone,health,reason,action_required}. Rules
 * with a text pattern are tried before plain code rules, and {@code *} code rules last. A
 * table in which one code and pattern lead to two different results does not load.
 */
public final class MappingTable {

	private final String carrier;

	private final String version;

	private final List<MappingRule> rules;

	public MappingTable(String carrier, String version, List<MappingRule> rules) {
		this.carrier = carrier;
		this.version = version;
		Map<String, MappingRule> seen = new HashMap<>();
		Map<String, MappingRule> ids = new HashMap<>();
		for (MappingRule rule : rules) {
			MappingRule previous = seen.putIfAbsent(rule.matchKey(), rule);
			if (previous != null && !previous.result().equals(withId(rule.result(), previous.result().ruleId()))) {
				throw new IllegalStateException(carrier + " mapping: " + rule.matchKey() + " maps to two results ("
						+ previous.ruleId() + ", " + rule.ruleId() + ")");
			}
			if (ids.putIfAbsent(rule.ruleId(), rule) != null) {
				throw new IllegalStateException(carrier + " mapping: rule id " + rule.ruleId() + " used twice");
			}
		}
		this.rules = rules.stream().sorted(Comparator.comparingInt(MappingTable::precedence)).toList();
	}

	private static Normalization withId(Normalization n, String ruleId) {
		return new Normalization(n.milestone(), n.health(), n.reason(), n.actionRequired(), ruleId);
	}

	private static int precedence(MappingRule rule) {
		int p = (rule.textPattern() != null) ? 0 : 1;
		return "*".equals(rule.code()) ? p + 2 : p;
	}

	public String carrier() {
		return this.carrier;
	}

	public String version() {
		return this.version;
	}

	public List<MappingRule> rules() {
		return this.rules;
	}

	public @Nullable Normalization match(String rawCode, String rawText) {
		for (MappingRule rule : this.rules) {
			if (rule.matches(rawCode, rawText)) {
				return rule.result();
			}
		}
		return null;
	}

	/** Loads a table from a classpath resource. */
	public static MappingTable fromClasspath(String carrier, String resource) {
		InputStream in = MappingTable.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("mapping table " + resource + " not found on the classpath");
		}
		try (in) {
			return fromCsv(carrier, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static MappingTable fromCsv(String carrier, InputStream csv) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
		String version = null;
		List<MappingRule> rules = new ArrayList<>();
		String line;
		int lineNo = 0;
		boolean header = false;
		while ((line = reader.readLine()) != null) {
			lineNo++;
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (trimmed.startsWith("#")) {
				if (trimmed.matches("#\\s*version:.*")) {
					version = trimmed.substring(trimmed.indexOf(':') + 1).strip();
				}
				continue;
			}
			if (!header) {
				header = true;
				continue;
			}
			rules.add(parse(carrier, trimmed, lineNo));
		}
		if (version == null) {
			throw new IllegalStateException(carrier + " mapping has no '# version:' line");
		}
		return new MappingTable(carrier, version, rules);
	}

	private static MappingRule parse(String carrier, String line, int lineNo) {
		String[] f = line.split(",", -1);
		if (f.length != 7) {
			throw new IllegalStateException(
					carrier + " mapping line " + lineNo + ": expected 7 fields, got " + f.length);
		}
		try {
			String id = f[0].strip();
			Pattern pattern = f[2].isBlank() ? null : Pattern.compile(f[2].strip(), Pattern.CASE_INSENSITIVE);
			Milestone milestone = f[3].isBlank() ? null : Milestone.valueOf(f[3].strip());
			Health health = Health.valueOf(f[4].strip());
			Reason reason = f[5].isBlank() ? null : Reason.valueOf(f[5].strip());
			boolean action = Boolean.parseBoolean(f[6].strip());
			return new MappingRule(id, f[1].strip(), pattern, new Normalization(milestone, health, reason, action, id));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(carrier + " mapping line " + lineNo + ": " + ex.getMessage(), ex);
		}
	}

}
