package dev.beacon.carriers.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.beacon.shipment.CarrierCandidate;

/**
 * Number formats of the carriers beyond UPS, FedEx, USPS and DHL (the formats described
 * by the tracking_number_data project): Canada Post, Purolator, Canpar, DPD, OnTrac,
 * LaserShip, Amazon Logistics, Yodel, YunExpress, Spee-Dee, GOFO, Landmark Global, Old
 * Dominion, and S10 items of every issuing post. Confidences stay below those of the four
 * original carriers' verified formats where lengths overlap (Purolator and FedEx both use
 * 12 digits), so numbers those carriers recognised keep their top candidate.
 */
final class Formats {

	private static final Pattern S10 = Pattern.compile("([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})");

	private static final Pattern CANADA_POST_16 = Pattern.compile("[0-9]{16}");

	private static final Pattern PUROLATOR_12 = Pattern.compile("[0-5][0-9]{11}");

	private static final Pattern PUROLATOR_ALPHA = Pattern.compile("[A-Z]{3}[0-9]{9}");

	private static final Pattern CANPAR = Pattern.compile("[CDKLSUXZ][0-9]{21}");

	private static final Pattern DPD_28 = Pattern.compile("[0-9]{27}[0-9A-Z]");

	private static final Pattern DPD_14 = Pattern.compile("[0-9]{14}[0-9A-Z]");

	private static final Pattern ONTRAC = Pattern.compile("([CD])([0-9]{13})([0-9])");

	private static final Pattern LASERSHIP = Pattern
		.compile("L[AIEHNX][1-3][0-9]{7}|1LS7[12][0-9]{10}|1LS7[12][0-9]{2}01[1-4][0-9]{6}1|1LSCX[0-9A-Z]{10}");

	private static final Pattern AMAZON = Pattern.compile("TB[ACM][0-9]{12}");

	private static final Pattern AMAZON_INTERNATIONAL = Pattern.compile("[AFC][0-9]{10}");

	private static final Pattern YODEL = Pattern.compile("JJ?D[0-9]{16}");

	private static final Pattern YUNEXPRESS = Pattern.compile("YT[0-9]{16}");

	private static final Pattern SPEEDEE = Pattern.compile("SP[0-9]{18}");

	private static final Pattern GOFO = Pattern.compile("GFUS[0-9]{14}");

	private static final Pattern LANDMARK = Pattern.compile("LTN[0-9]{8}N1");

	private static final Pattern OLD_DOMINION = Pattern.compile("(?:77[78]|072|780)[0-9]{8}|80[0-9]{9}");

	private Formats() {
	}

	static void detect(String n, List<CarrierCandidate> out) {
		s10(n, out);
		if (CANADA_POST_16.matcher(n).matches() && Checksums.mod10(n.substring(0, 15), n.charAt(15), 3, 1, false)) {
			out.add(new CarrierCandidate("canadapost", "Canada Post (16 digit)", 0.85));
		}
		if (PUROLATOR_12.matcher(n).matches() && Checksums.luhn(n)) {
			out.add(new CarrierCandidate("purolator", "Purolator", 0.6));
		}
		if (PUROLATOR_ALPHA.matcher(n).matches()) {
			out.add(new CarrierCandidate("purolator", "Purolator (alpha)", 0.3));
		}
		if (CANPAR.matcher(n).matches()) {
			out.add(new CarrierCandidate("canpar", "Canpar", 0.6));
		}
		if (DPD_28.matcher(n).matches() && Checksums.mod37_36(n.substring(0, 27), n.charAt(27))) {
			out.add(new CarrierCandidate("dpd", "DPD (28)", 0.9));
		}
		if (DPD_14.matcher(n).matches() && Checksums.mod37_36(n.substring(0, 14), n.charAt(14))) {
			out.add(new CarrierCandidate("dpd", "DPD (14)", 0.7));
		}
		Matcher m = ONTRAC.matcher(n);
		if (m.matches() && Checksums.mod10((m.group(1).equals("C") ? "4" : "5") + m.group(2), m.group(3).charAt(0), 1,
				2, false)) {
			out.add(new CarrierCandidate("ontrac", "OnTrac", 0.9));
		}
		distinctive(n, out);
		if (OLD_DOMINION.matcher(n).matches() && Checksums.luhn(n)) {
			out.add(new CarrierCandidate("olddominion", "Old Dominion", 0.4));
		}
	}

	private static void distinctive(String n, List<CarrierCandidate> out) {
		if (LASERSHIP.matcher(n).matches()) {
			out.add(new CarrierCandidate("lasership", "LaserShip", 0.8));
		}
		if (AMAZON.matcher(n).matches()) {
			out.add(new CarrierCandidate("amazon", "Amazon Logistics", 0.9));
		}
		if (AMAZON_INTERNATIONAL.matcher(n).matches()) {
			out.add(new CarrierCandidate("amazon", "Amazon International", 0.3));
		}
		if (YODEL.matcher(n).matches()) {
			out.add(new CarrierCandidate("yodel", "Yodel", 0.8));
		}
		if (YUNEXPRESS.matcher(n).matches()) {
			out.add(new CarrierCandidate("yunexpress", "YunExpress", 0.9));
		}
		if (SPEEDEE.matcher(n).matches()) {
			out.add(new CarrierCandidate("speedee", "Spee-Dee Delivery", 0.8));
		}
		if (GOFO.matcher(n).matches()) {
			out.add(new CarrierCandidate("gofo", "GOFO Express", 0.9));
		}
		if (LANDMARK.matcher(n).matches()) {
			out.add(new CarrierCandidate("landmark", "Landmark Global", 0.9));
		}
	}

	/**
	 * UPU S10: two service letters, eight digits, the check digit, the issuing country.
	 * The item belongs to the issuing post.
	 */
	private static void s10(String n, List<CarrierCandidate> out) {
		Matcher m = S10.matcher(n);
		if (m.matches() && Posts.COUNTRIES.contains(m.group(4)) && Checksums.s10(m.group(2), m.group(3).charAt(0))) {
			String service = (m.group(1).charAt(0) == 'E') ? "EMS" : "International mail";
			out.add(new CarrierCandidate(Posts.codeFor(m.group(4)), service + " (S10, " + m.group(4) + ")", 0.95));
		}
	}

}
