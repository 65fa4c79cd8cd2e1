package dev.beacon.carriers.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.beacon.shipment.CarrierCandidate;
import dev.beacon.shipment.ShipmentManagement;

/**
 * Which carriers a tracking number may belong to. Every pattern checks the format and,
 * where the carrier has one, the check digit: a number whose check digit is wrong is not
 * a match. Spaces and dashes are ignored. Candidates are ranked by confidence: a verified
 * check digit behind a distinctive prefix (UPS 1Z, USPS IMpb, S10, SBX) ranks highest,
 * verified all-digit formats next, formats without a check digit lowest. The formats of
 * the other carriers live in {@link Formats}; an S10 item belongs to its issuing post
 * ({@link Posts}).
 */
public final class TrackingNumberDetector {

	private static final Map<String, String> UPS_SERVICES = Map.ofEntries(Map.entry("01", "UPS Next Day Air"),
			Map.entry("02", "UPS 2nd Day Air"), Map.entry("03", "UPS Ground"), Map.entry("12", "UPS 3 Day Select"),
			Map.entry("13", "UPS Next Day Air Saver"), Map.entry("15", "UPS Next Day Air Early"),
			Map.entry("22", "UPS Ground Returns"), Map.entry("42", "UPS Ground (signature required)"),
			Map.entry("44", "UPS Next Day Air Saturday"), Map.entry("66", "UPS Worldwide Express"),
			Map.entry("72", "UPS Ground COD"), Map.entry("90", "UPS Ground Returns"), Map.entry("YW", "UPS SurePost"));

	private static final Map<Character, String> UPS_WAYBILL = Map.of('J', "UPS Next Day Express", 'K', "UPS Ground",
			'V', "UPS Worldwide Express Saver");

	private static final int[] FEDEX_11 = { 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1 };

	private static final int[] FEDEX_13 = { 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1 };

	private static final Pattern SANDBOX = Pattern.compile("SBX([0-7])[0-9]{9}");

	private static final Pattern UPS_1Z = Pattern.compile("1Z([A-Z0-9]{6}([A-Z0-9]{2})[A-Z0-9]{7})([0-9])");

	private static final Pattern UPS_WAYBILL_RX = Pattern.compile("([AHJKTV])([0-9]{9})([0-9])");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern S10 = Pattern.compile("([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})");

	private static final Pattern DHL_PIECE = Pattern.compile("J[A-Z]{2,3}[0-9]{9,10}");

	private static final Pattern DHL_ECOMMERCE = Pattern
		.compile("(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)(?=[0-9A-Z]*[0-9])[0-9A-Z]{10,39}");

	/** Ranked candidates for an already normalized or raw number. */
	public List<CarrierCandidate> detect(String raw) {
		String n = ShipmentManagement.normalizeTrackingNumber(raw);
		Map<String, CarrierCandidate> best = new LinkedHashMap<>();
		for (CarrierCandidate c : all(n)) {
			best.merge(c.carrier(), c, (a, b) -> (b.confidence() > a.confidence()) ? b : a);
		}
		List<CarrierCandidate> ranked = new ArrayList<>(best.values());
		ranked.sort(Comparator.comparingDouble(CarrierCandidate::confidence).reversed());
		return List.copyOf(ranked);
	}

	private List<CarrierCandidate> all(String n) {
		List<CarrierCandidate> out = new ArrayList<>();
		if (SANDBOX.matcher(n).matches()) {
			out.add(new CarrierCandidate("sandbox", "Sandbox journey " + n.charAt(3), 1.0));
			return out;
		}
		ups(n, out);
		if (DIGITS.matcher(n).matches()) {
			fedex(n, out);
			usps(n, out);
			dhlDigits(n, out);
		}
		Formats.detect(n, out);
		if (DHL_PIECE.matcher(n).matches()) {
			out.add(new CarrierCandidate("dhl", "DHL Express (piece id)", 0.5));
		}
		if (DHL_ECOMMERCE.matcher(n).matches() && !S10.matcher(n).matches()) {
			out.add(new CarrierCandidate("dhl", "DHL eCommerce", 0.4));
		}
		return out;
	}

	private static void ups(String n, List<CarrierCandidate> out) {
		Matcher m = UPS_1Z.matcher(n);
		if (m.matches() && Checksums.mod10(m.group(1), m.group(3).charAt(0), 1, 2, false)) {
			out.add(new CarrierCandidate("ups", UPS_SERVICES.getOrDefault(m.group(2), "UPS"), 0.98));
		}
		m = UPS_WAYBILL_RX.matcher(n);
		if (m.matches() && Checksums.mod10(m.group(2), m.group(3).charAt(0), 1, 2, false)) {
			out.add(new CarrierCandidate("ups", UPS_WAYBILL.getOrDefault(m.group(1).charAt(0), "UPS Waybill"), 0.8));
		}
	}

	private static void fedex(String n, List<CarrierCandidate> out) {
		int len = n.length();
		char cd = n.charAt(len - 1);
		if (len == 12 && Checksums.sumProduct(n.substring(0, 11), cd, FEDEX_11, 11, 10)) {
			out.add(new CarrierCandidate("fedex", "FedEx Express", 0.8));
		}
		if (len == 15 && Checksums.mod10(n.substring(0, 14), cd, 1, 3, false)) {
			out.add(new CarrierCandidate("fedex", "FedEx Ground", 0.8));
		}
		if (len == 18 && Checksums.mod10(n.substring(2, 17), cd, 3, 1, false)) {
			out.add(new CarrierCandidate("fedex", "FedEx Ground (SSCC-18)", 0.75));
		}
		if (len == 22 && n.startsWith("96") && Checksums.mod10(n.substring(7, 21), cd, 1, 3, false)) {
			out.add(new CarrierCandidate("fedex", "FedEx Ground 96", 0.9));
		}
		if (len == 32 && n.startsWith("3")
				&& Checksums.sumProduct(n.substring(16, 27), n.charAt(27), FEDEX_11, 11, 10)) {
			out.add(new CarrierCandidate("fedex", "FedEx Express (ASTRA)", 0.85));
		}
		if (len == 34 && n.charAt(0) != '9' && Checksums.sumProduct(n.substring(20, 33), cd, FEDEX_13, 11, 10)) {
			out.add(new CarrierCandidate("fedex", "FedEx Express (34)", 0.85));
		}
		if (len == 34 && n.startsWith("96") && Checksums.sumProduct(n.substring(20, 33), cd, FEDEX_13, 11, 10)) {
			out.add(new CarrierCandidate("fedex", "FedEx Ground (GSN)", 0.9));
		}
	}

	private static void usps(String n, List<CarrierCandidate> out) {
		List<String> cores = new ArrayList<>();
		cores.add(n);
		if (n.startsWith("420") && n.length() > 8) {
			cores.add(n.substring(8));
			if (n.length() > 12) {
				cores.add(n.substring(12));
			}
		}
		for (String core : cores) {
			boolean routed = core.length() != n.length();
			int len = core.length();
			char cd = core.charAt(len - 1);
			String serial = core.substring(0, len - 1);
			if ((len == 22 || len == 26) && core.matches("9[1-5].*") && Checksums.mod10(serial, cd, 3, 1, false)) {
				String kind = switch (core.substring(0, 2)) {
					case "91" -> "USPS (legacy barcode)";
					case "94" -> "USPS IMpb";
					case "95" -> "USPS Retail";
					default -> "USPS IMpb (commercial)";
				};
				out.add(new CarrierCandidate("usps", kind, routed ? 0.97 : 0.95));
			}
			else if (len == 20 && !routed
					&& (Checksums.mod10(serial, cd, 3, 1, false) || Checksums.mod10("91" + serial, cd, 3, 1, false))) {
				out.add(new CarrierCandidate("usps", "USPS (20 digit)", 0.85));
			}
		}
	}

	private static void dhlDigits(String n, List<CarrierCandidate> out) {
		int len = n.length();
		if ((len == 10 || len == 11) && Checksums.mod7(n.substring(0, len - 1), n.charAt(len - 1))) {
			out.add(new CarrierCandidate("dhl", "DHL Express", 0.8));
		}
		if (len == 14) {
			out.add(new CarrierCandidate("dhl", "DHL eCommerce", 0.3));
		}
	}

}
