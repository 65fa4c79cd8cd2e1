package dev.beacon.carriers.canadapost;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;

import dev.beacon.carriers.http.CarrierCallException;
import dev.beacon.carriers.http.CarrierGateway;
import dev.beacon.carriers.http.CarrierGateway.Answer;
import dev.beacon.carriers.http.CarrierGateway.Quota;
import dev.beacon.carriers.http.CarrierMetrics;
import dev.beacon.carriers.http.CarrierSettings;
import dev.beacon.carriers.http.HttpCarrierAdapter;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.carriers.http.PollTask;
import dev.beacon.shipment.RawScan;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.status.DeliveryWindow;

/**
 * Canada Post's tracking web service: {@code GET /vis/track/pin/{pin}/detail} with HTTP
 * basic credentials (the API key's user name and password) and
 * {@code Accept: application/vnd.cpc.track-v2+xml}. The answer is a
 * {@code <tracking-detail>} whose {@code <significant-events>} hold {@code <occurrence>}s
 * (newest first) with {@code event-identifier}, {@code event-date}, {@code event-time},
 * {@code event-time-zone} (EST, EDT, ...), {@code event-description}, {@code event-site}
 * and {@code event-province}; an unknown number answers {@code <messages>} with code 004.
 * The raw code is {@code event-identifier}.
 */
class CanadaPostAdapter extends HttpCarrierAdapter {

	static final String PRODUCTION = "https://soa-gw.canadapost.ca";

	/** A conservative default: 2 calls a second, no daily cap. */
	static final Quota QUOTA = new Quota(2, Duration.ofSeconds(1), 0);

	private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(Map.entry("NST", ZoneOffset.of("-03:30")),
			Map.entry("NDT", ZoneOffset.of("-02:30")), Map.entry("AST", ZoneOffset.ofHours(-4)),
			Map.entry("ADT", ZoneOffset.ofHours(-3)), Map.entry("EST", ZoneOffset.ofHours(-5)),
			Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CST", ZoneOffset.ofHours(-6)),
			Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)),
			Map.entry("MDT", ZoneOffset.ofHours(-6)), Map.entry("PST", ZoneOffset.ofHours(-8)),
			Map.entry("PDT", ZoneOffset.ofHours(-7)));

	private final String base;

	CanadaPostAdapter(CarrierSettings settings, CarrierMetrics metrics, JsonMapper json, Clock clock) {
		super(settings, new CarrierGateway("canadapost", settings, QUOTA, metrics, json, clock));
		this.base = settings.baseUrlOr(PRODUCTION);
	}

	@Override
	protected CanadaPostAdapter withSettings(CarrierSettings settings) {
		return new CanadaPostAdapter(settings, this.gateway.metrics(), this.gateway.json(), this.gateway.clock());
	}

	@Override
	public String code() {
		return "canadapost";
	}

	@Override
	public boolean configured() {
		return this.settings.hasOAuthCredentials();
	}

	@Override
	protected CarrierUpdate trackOne(PollTask task) {
		String auth = Base64.getEncoder()
			.encodeToString(
					(this.settings.clientId() + ":" + this.settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
		Answer a = this.gateway
			.send(CarrierGateway.request(this.base + "/vis/track/pin/" + task.trackingNumber() + "/detail")
				.header("Authorization", "Basic " + auth)
				.header("Accept", "application/vnd.cpc.track-v2+xml")
				.header("Accept-Language", "en-CA")
				.GET());
		if (a.status() == 404 || (!a.ok() && a.body().contains("<messages"))) {
			Document errors = xml(a.body());
			String code = first(errors.getDocumentElement(), "code");
			if (a.status() != 401 && a.status() != 403 && a.status() != 429 && a.status() < 500) {
				throw new CarrierCallException(PollOutcome.NOT_FOUND,
						"Canada Post: " + code + " " + first(errors.getDocumentElement(), "description"));
			}
		}
		this.gateway.raiseForStatus(a, "Canada Post track");
		return read(a.body());
	}

	CarrierUpdate read(String body) {
		Element detail = xml(body).getDocumentElement();
		if (!"tracking-detail".equals(detail.getLocalName())) {
			NodeList found = detail.getElementsByTagNameNS("*", "tracking-detail");
			if (found.getLength() == 0) {
				throw new CarrierCallException(PollOutcome.MALFORMED, "Canada Post answer has no tracking-detail");
			}
			detail = (Element) found.item(0);
		}
		List<RawScan> scans = new ArrayList<>();
		NodeList occurrences = detail.getElementsByTagNameNS("*", "occurrence");
		for (int i = 0; i < occurrences.getLength(); i++) {
			RawScan scan = scan((Element) occurrences.item(i));
			if (scan != null) {
				scans.add(scan);
			}
		}
		LocalDate expected = date(first(detail, "expected-delivery-date"));
		return CarrierUpdate.of(scans, (expected != null) ? new DeliveryWindow(expected, expected) : null);
	}

	private static @Nullable RawScan scan(Element o) {
		String code = first(o, "event-identifier");
		LocalDate date = date(first(o, "event-date"));
		if (code == null || date == null) {
			return null;
		}
		LocalTime time = LocalTime.MIDNIGHT;
		String t = first(o, "event-time");
		if (t != null) {
			try {
				time = LocalTime.parse(t);
			}
			catch (DateTimeParseException ex) {
				// keep midnight
			}
		}
		LocalDateTime local = LocalDateTime.of(date, time);
		String tz = first(o, "event-time-zone");
		ZoneOffset offset = (tz != null) ? ZONES.get(tz.toUpperCase(java.util.Locale.ROOT)) : null;
		String text = first(o, "event-description");
		String site = first(o, "event-site");
		ScanLocation where = new ScanLocation(site, first(o, "event-province"), null, (site != null) ? "CA" : null);
		return new RawScan(code, (text != null) ? text : code, serialize(o),
				local.toInstant((offset != null) ? offset : ZoneOffset.UTC), local,
				(offset != null) ? offset.getId() : null, where, null);
	}

	private static String serialize(Element o) {
		StringBuilder sb = new StringBuilder("{");
		NodeList children = o.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element e && !e.getTextContent().isBlank()) {
				if (sb.length() > 1) {
					sb.append(',');
				}
				sb.append('"')
					.append(e.getLocalName())
					.append("\":\"")
					.append(e.getTextContent().strip().replace("\\", "\\\\").replace("\"", "\\\""))
					.append('"');
			}
		}
		return sb.append('}').toString();
	}

	private static @Nullable String first(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS("*", name);
		if (nodes.getLength() == 0) {
			return null;
		}
		String s = nodes.item(0).getTextContent();
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static @Nullable LocalDate date(@Nullable String s) {
		try {
			return (s != null) ? LocalDate.parse(s) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Parses XML without DTDs or external entities; anything else is MALFORMED. */
	static Document xml(String body) {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			DocumentBuilder b = f.newDocumentBuilder();
			return b.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new CarrierCallException(PollOutcome.MALFORMED,
					"Canada Post: unreadable XML " + CarrierGateway.abbreviate(body), null, ex);
		}
	}

}
