package dev.beacon.carriers.easypost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.beacon.carriers.http.CarrierAdapter;
import dev.beacon.carriers.sources.AggregatorSource;
import dev.beacon.carriers.sources.SourceRegistrations;
import dev.beacon.carriers.sources.SourceRegistrations.Registration;
import dev.beacon.shipment.ShipmentManagement;

/**
 * Creates an EasyPost tracker ({@code POST /v2/trackers}) for every live shipment of a
 * store that connected EasyPost, when no direct adapter follows its carrier; each number
 * once. EasyPost then pushes {@code tracker.updated} to the store's webhook, read with
 * the {@code easypost} mapping table.
 */
public class EasyPostTrackers extends AggregatorSource {

	static final String SOURCE = "easypost";

	/** EasyPost's carrier names for registry codes; others are left to EasyPost. */
	static final Map<String, String> CARRIERS = Map.ofEntries(Map.entry("ups", "UPS"), Map.entry("fedex", "FedEx"),
			Map.entry("usps", "USPS"), Map.entry("dhl", "DHLExpress"), Map.entry("canadapost", "CanadaPost"),
			Map.entry("purolator", "Purolator"), Map.entry("royalmail", "RoyalMail"),
			Map.entry("australiapost", "AustraliaPost"), Map.entry("ontrac", "OnTrac"),
			Map.entry("lasership", "LaserShipV2"), Map.entry("dpd", "DPD"), Map.entry("gls", "GLS"),
			Map.entry("postnl", "PostNL"), Map.entry("deutschepost", "DeutschePost"), Map.entry("evri", "Evri"));

	private final EasyPostProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	EasyPostTrackers(EasyPostProperties properties, SourceRegistrations registrations, ShipmentManagement shipments,
			List<CarrierAdapter> adapters, JsonMapper json, Clock clock) {
		super(SOURCE, registrations, shipments, adapters, clock);
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	protected boolean enabled() {
		return this.properties.enabled();
	}

	@Override
	protected boolean background() {
		return this.properties.background();
	}

	@Override
	protected Duration every() {
		return this.properties.every();
	}

	/** Creates trackers for new shipments; answers how many it created. */
	@Override
	public int tick() {
		if (!enabled()) {
			return 0;
		}
		Instant now = this.clock.instant();
		return registerDue(SourceRegistrations.Stores.WITH_EASYPOST, 20, (batch) -> {
			int created = 0;
			for (Registration r : batch) {
				String failure = create(r);
				if (failure == null) {
					registered(r, now);
					created++;
				}
				else {
					this.registrations.retryLater(r, now, failure);
				}
			}
			return created;
		});
	}

	/** Creates one tracker; answers null, or why it failed. */
	private @Nullable String create(Registration r) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode tracker = body.putObject("tracker");
		tracker.put("tracking_code", r.number());
		String carrier = CARRIERS.get(r.carrier());
		if (carrier != null) {
			tracker.put("carrier", carrier);
		}
		String auth = Base64.getEncoder()
			.encodeToString((Objects.requireNonNull(this.properties.apiKey()) + ":").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.properties.baseUrl() + "/v2/trackers"))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + auth)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			int code = response.statusCode();
			return (code == 200 || code == 201) ? null : "EasyPost answered HTTP " + code;
		}
		catch (IOException ex) {
			return "EasyPost: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "EasyPost: interrupted";
		}
	}

}
