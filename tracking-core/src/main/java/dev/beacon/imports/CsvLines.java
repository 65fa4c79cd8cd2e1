package dev.beacon.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Reads RFC 4180 CSV records (quoted fields, doubled quotes, line breaks in quotes). */
public final class CsvLines {

	private final BufferedReader reader;

	private int line;

	private int recordLine;

	public CsvLines(BufferedReader reader) {
		this.reader = reader;
	}

	/** The line number (1-based) where the last record returned started. */
	public int line() {
		return this.recordLine;
	}

	public @Nullable List<String> next() throws IOException {
		String text = this.reader.readLine();
		if (text == null) {
			return null;
		}
		this.line++;
		this.recordLine = this.line;
		if (this.line == 1 && text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int i = 0;
		while (true) {
			if (i >= text.length()) {
				if (quoted) {
					String more = this.reader.readLine();
					if (more == null) {
						throw new IOException("unterminated quoted field starting on line " + this.recordLine);
					}
					this.line++;
					field.append('\n');
					text = more;
					i = 0;
					continue;
				}
				fields.add(field.toString());
				return fields;
			}
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
			i++;
		}
	}

}
