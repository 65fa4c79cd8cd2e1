package dev.beacon.carriers.track17;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 17TRACK Tracking API v2.2: {@code POST <base>/track/v2.2/<endpoint>} with a JSON
 * array of at most 40 items and the {@code 17token} header, at most
 * {@code requestsPerSecond} requests per second from this instance.
 */
class Track17Client {

	/**
	 * One number as 17TRACK knows it; {@code carrier} is 17TRACK's numeric key or null.
	 */
	record Item(String number, Integer carrier, String tag) {
	}

	static final class Track17Exception extends RuntimeException {

		Track17Exception(String message) {
			super(message);
		}

	}

	private final Track17Properties properties;

	private final JsonMapper json;

	private final HttpClient http;

	private final long spacingNanos;

	private long nextSlot;

	Track17Client(Track17Properties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.spacingNanos = Duration.ofSeconds(1).toNanos() / properties.requestsPerSecond();
	}

	JsonNode register(List<Item> items) {
		return call("register", items, true);
	}

	JsonNode stop(List<Item> items) {
		return call("stoptrack", items, false);
	}

	JsonNode trackInfo(List<Item> items) {
		return call("gettrackinfo", items, false);
	}

	private JsonNode call(String endpoint, List<Item> items, boolean full) {
		if (items.size() > 40) {
			throw new IllegalArgumentException("17TRACK takes at most 40 numbers per request");
		}
		ArrayNode body = this.json.createArrayNode();
		for (Item item : items) {
			ObjectNode o = body.addObject();
			o.put("number", item.number());
			if (item.carrier() != null) {
				o.put("carrier", item.carrier());
			}
			if (full) {
				o.put("tag", item.tag());
				o.put("auto_detection", item.carrier() == null);
			}
		}
		throttle();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.properties.baseUrl() + "/track/v2.2/" + endpoint))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("17token", Objects.requireNonNull(this.properties.apiKey()))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Track17Exception(endpoint + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Track17Exception(endpoint + ": interrupted");
		}
		if (response.statusCode() != 200) {
			throw new Track17Exception(endpoint + ": HTTP " + response.statusCode());
		}
		JsonNode answer = this.json.readTree(response.body());
		if (answer == null || answer.path("code").asInt(-1) != 0) {
			throw new Track17Exception(
					endpoint + ": answered code " + ((answer != null) ? answer.path("code").asString("?") : "none")
							+ " " + ((answer != null) ? answer.path("data").path("errors").toString() : ""));
		}
		return answer.path("data");
	}

	/** Spaces requests so this instance sends at most {@code requestsPerSecond}. */
	private void throttle() {
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			long slot = Math.max(now, this.nextSlot);
			this.nextSlot = slot + this.spacingNanos;
			wait = slot - now;
		}
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
