package dev.beacon.carriers.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.beacon.carriers.CarrierRegistry;
import dev.beacon.shipment.CarrierCandidate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection on numbers generated from each format's pattern and check-digit rule (the
 * check digits are computed here, independently of {@link Checksums}): every valid number
 * is found, and the same number with a wrong check digit is not.
 */
class GeneratedNumbersTests {

	private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private final TrackingNumberDetector detector = new TrackingNumberDetector();

	/** carrier, format name, generator of a valid number, the check character's index. */
	record Format(String carrier, String name, Function<Random, String> valid, int checkAt) {
	}

	static List<Format> formats() {
		List<Format> f = new ArrayList<>();
		f.add(new Format("canadapost", "Canada Post 16", (r) -> {
			String s = digits(r, 15);
			return s + mod10(s, 3, 1);
		}, 15));
		f.add(new Format("purolator", "Purolator 12", (r) -> {
			String s = r.nextInt(6) + digits(r, 10);
			return s + luhn(s);
		}, 11));
		f.add(new Format("purolator", "Purolator alpha", (r) -> letters(r, 3) + digits(r, 9), -1));
		f.add(new Format("canpar", "Canpar", (r) -> "CDKLSUXZ".charAt(r.nextInt(8)) + digits(r, 21), -1));
		f.add(new Format("dpd", "DPD 28", (r) -> {
			String s = digits(r, 27);
			return s + mod3736(s);
		}, 27));
		f.add(new Format("dpd", "DPD 14", (r) -> {
			String s = "0" + digits(r, 13);
			return s + mod3736(s);
		}, 14));
		f.add(new Format("ontrac", "OnTrac C", (r) -> {
			String s = digits(r, 13);
			return "C" + s + mod10("4" + s, 1, 2);
		}, 14));
		f.add(new Format("ontrac", "OnTrac D", (r) -> {
			String s = digits(r, 13);
			return "D" + s + mod10("5" + s, 1, 2);
		}, 14));
		f.add(new Format("olddominion", "Old Dominion", (r) -> {
			String s = "072" + digits(r, 7);
			return s + luhn(s);
		}, 10));
		f.add(new Format("lasership", "LaserShip LX", (r) -> "LX" + (1 + r.nextInt(3)) + digits(r, 7), -1));
		f.add(new Format("lasership", "LaserShip 1LS7", (r) -> "1LS71" + digits(r, 10), -1));
		f.add(new Format("lasership", "LaserShip 1LSCX", (r) -> "1LSCX" + letters(r, 4) + digits(r, 6), -1));
		f.add(new Format("amazon", "Amazon TBA", (r) -> "TBA" + digits(r, 12), -1));
		f.add(new Format("yodel", "Yodel JJD", (r) -> "JJD" + digits(r, 16), -1));
		f.add(new Format("yunexpress", "YunExpress", (r) -> "YT" + digits(r, 16), -1));
		f.add(new Format("speedee", "Spee-Dee", (r) -> "SP" + digits(r, 18), -1));
		f.add(new Format("gofo", "GOFO", (r) -> "GFUS" + digits(r, 14), -1));
		f.add(new Format("landmark", "Landmark LTN", (r) -> "LTN" + digits(r, 8) + "N1", -1));
		for (String[] post : new String[][] { { "DE", "deutschepost" }, { "CN", "chinapost" }, { "GB", "royalmail" },
				{ "CA", "canadapost" }, { "AU", "australiapost" }, { "BR", "correios" }, { "FR", "laposte" },
				{ "US", "usps" }, { "CV", "post-cv" }, { "KE", "post-ke" } }) {
			f.add(new Format(post[1], "S10 " + post[0], (r) -> {
				String s = digits(r, 8);
				return letters(r, 2) + s + s10(s) + post[0];
			}, 10));
		}
		return f;
	}

	static Stream<Arguments> cases() {
		Random random = new Random(20261206L);
		List<Arguments> out = new ArrayList<>();
		for (Format f : formats()) {
			for (int i = 0; i < 5; i++) {
				out.add(Arguments.of(f.carrier(), f.name(), f.valid().apply(random), f.checkAt()));
			}
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{1}: {2}")
	@MethodSource("cases")
	void validNumbersAreFoundAndAWrongCheckDigitIsNot(String carrier, String name, String number, int checkAt) {
		assertThat(carriers(number)).as(name).contains(carrier);
		assertThat(CarrierRegistry.find(carrier)).as("registry has %s", carrier).isPresent();
		if (checkAt >= 0) {
			char c = number.charAt(checkAt);
			char wrong = (Character.isDigit(c)) ? (char) ('0' + (c - '0' + 1) % 10) : (c == 'Z' ? 'A' : (char) (c + 1));
			String bad = number.substring(0, checkAt) + wrong + number.substring(checkAt + 1);
			assertThat(carriers(bad)).as(name + " with wrong check digit " + bad).doesNotContain(carrier);
		}
	}

	@Test
	void s10ItemsBelongToTheIssuingPostAndAreNeverGuessedAsUsps() {
		String serial = "47312482";
		String de = "RR" + serial + s10(serial) + "DE";
		assertThat(this.detector.detect(de).get(0).carrier()).isEqualTo("deutschepost");
		assertThat(carriers(de)).doesNotContain("usps", "dhl");
		String cn = "LP" + serial + s10(serial) + "CN";
		assertThat(this.detector.detect(cn).get(0).carrier()).isEqualTo("chinapost");
		assertThat(carriers(cn)).doesNotContain("usps", "cainiao");
		String ems = "EE" + serial + s10(serial) + "CN";
		assertThat(this.detector.detect(ems).get(0).service()).isEqualTo("EMS (S10, CN)");
		assertThat(carriers("RR" + serial + s10(serial) + "XX")).isEmpty();
	}

	@Test
	void lengthsSharedWithTheOriginalFourKeepTheirCarrierFirst() {
		// a FedEx Express 12-digit number that is also a valid Luhn Purolator number
		Random random = new Random(7);
		int checked = 0;
		while (checked < 20) {
			String s = random.nextInt(6) + digits(random, 10);
			String number = s + luhn(s);
			List<CarrierCandidate> c = this.detector.detect(number);
			if (c.stream().anyMatch((x) -> x.carrier().equals("fedex"))) {
				assertThat(c.get(0).carrier()).isEqualTo("fedex");
				checked++;
			}
		}
	}

	private List<String> carriers(String number) {
		return this.detector.detect(number).stream().map(CarrierCandidate::carrier).toList();
	}

	static String digits(Random r, int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) {
			sb.append((char) ('0' + r.nextInt(10)));
		}
		return sb.toString();
	}

	static String letters(Random r, int n) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < n; i++) {
			sb.append((char) ('A' + r.nextInt(26)));
		}
		return sb.toString();
	}

	/** Weighted mod 10 check digit: weights alternate from the first digit. */
	static char mod10(String serial, int evens, int odds) {
		int sum = 0;
		for (int i = 0; i < serial.length(); i++) {
			sum += (serial.charAt(i) - '0') * ((i % 2 == 0) ? evens : odds);
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	/** Luhn check digit: double every second digit from the right of the payload. */
	static char luhn(String payload) {
		int sum = 0;
		for (int i = 0; i < payload.length(); i++) {
			int d = payload.charAt(payload.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				d = (d * 2 > 9) ? d * 2 - 9 : d * 2;
			}
			sum += d;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	/** UPU S10 check digit. */
	static char s10(String eight) {
		int[] w = { 8, 6, 4, 2, 3, 5, 9, 7 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (eight.charAt(i) - '0') * w[i];
		}
		int c = 11 - sum % 11;
		return (char) ('0' + ((c == 10) ? 0 : (c == 11) ? 5 : c));
	}

	/**
	 * ISO 7064 MOD 37,36 (hybrid system): run the serial through the product steps, then
	 * pick the character that brings the final sum to 1 modulo 36.
	 */
	static char mod3736(String serial) {
		int p = 36;
		for (char ch : serial.toCharArray()) {
			int s = (p + ALNUM.indexOf(ch)) % 36;
			p = ((s == 0) ? 36 : s) * 2 % 37;
		}
		return ALNUM.charAt((37 - p) % 36);
	}

}
