package dev.beacon.carriers.detect;

/**
 * The check-digit algorithms carriers use, as described by the tracking_number_data
 * project: weighted mod 10 (UPS, FedEx Ground, USPS), weighted sums modulo 11 then 10
 * (FedEx Express), mod 7 (DHL Express), S10 (UPU international postal items), Luhn and
 * ISO 7064 MOD 37,36 (DPD).
 */
final class Checksums {

	private Checksums() {
	}

	/**
	 * Weighted mod 10: characters (letters as {@code (ascii - 3) % 10}) at even 0-based
	 * positions are multiplied by {@code evens}, odd ones by {@code odds}; the check
	 * digit brings the sum to a multiple of 10.
	 */
	static boolean mod10(String serial, char checkDigit, int evens, int odds, boolean reverse) {
		String seq = reverse ? new StringBuilder(serial).reverse().toString() : serial;
		int total = 0;
		for (int i = 0; i < seq.length(); i++) {
			char c = seq.charAt(i);
			int x = Character.isDigit(c) ? c - '0' : (c - 3) % 10;
			total += x * ((i % 2 == 1) ? odds : evens);
		}
		int check = total % 10;
		check = (check == 0) ? 0 : 10 - check;
		return check == checkDigit - '0';
	}

	/** FedEx: sum of digit times weight, modulo {@code m1}, then modulo {@code m2}. */
	static boolean sumProduct(String serial, char checkDigit, int[] weights, int m1, int m2) {
		if (serial.length() > weights.length) {
			return false;
		}
		int total = 0;
		for (int i = 0; i < serial.length(); i++) {
			total += (serial.charAt(i) - '0') * weights[i];
		}
		return (total % m1) % m2 == checkDigit - '0';
	}

	/** DHL Express: the serial, read as a number, modulo 7. */
	static boolean mod7(String serial, char checkDigit) {
		return new java.math.BigInteger(serial).mod(java.math.BigInteger.valueOf(7)).intValue() == checkDigit - '0';
	}

	/**
	 * UPU S10: weights 8,6,4,2,3,5,9,7, 11 minus the sum modulo 11 (10 is 0, 11 is 5).
	 */
	static boolean s10(String eightDigits, char checkDigit) {
		int[] w = { 8, 6, 4, 2, 3, 5, 9, 7 };
		int total = 0;
		for (int i = 0; i < 8; i++) {
			total += (eightDigits.charAt(i) - '0') * w[i];
		}
		int check = 11 - total % 11;
		check = (check == 10) ? 0 : (check == 11) ? 5 : check;
		return check == checkDigit - '0';
	}

	/** Luhn over the whole number, check digit last. */
	static boolean luhn(String digits) {
		int total = 0;
		boolean doubleIt = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubleIt) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			total += d;
			doubleIt = !doubleIt;
		}
		return total % 10 == 0;
	}

	/**
	 * ISO/IEC 7064 MOD 37,36 (DPD): a hybrid system over the alphabet 0-9A-Z; the check
	 * character brings the running product to 1.
	 */
	static boolean mod37_36(String serial, char checkChar) {
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		int m = 36;
		int p = m;
		for (int i = 0; i < serial.length(); i++) {
			int v = alphabet.indexOf(serial.charAt(i));
			if (v < 0) {
				return false;
			}
			p = (p + v) % m;
			if (p == 0) {
				p = m;
			}
			p = (p * 2) % (m + 1);
		}
		int check = (m + 1 - p) % m;
		return alphabet.charAt(check) == checkChar;
	}

}
