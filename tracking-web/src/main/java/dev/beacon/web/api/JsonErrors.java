package dev.beacon.web.api;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/** Finds the JSON path of the field a body could not be read at. */
final class JsonErrors {

	private JsonErrors() {
	}

	static @Nullable String path(HttpMessageNotReadableException ex) {
		Throwable t = ex.getCause();
		while (t != null) {
			if (t instanceof JacksonException je && !je.getPath().isEmpty()) {
				return je.getPath()
					.stream()
					.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.collect(Collectors.joining("."))
					.replace(".[", "[");
			}
			t = t.getCause();
		}
		return null;
	}

}
