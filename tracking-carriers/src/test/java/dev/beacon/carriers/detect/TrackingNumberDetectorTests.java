package dev.beacon.carriers.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.beacon.shipment.CarrierCandidate;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingNumberDetectorTests {

	private final TrackingNumberDetector detector = new TrackingNumberDetector();

	static Stream<Arguments> numbers() throws IOException {
		List<Arguments> out = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(
						TrackingNumberDetectorTests.class.getResourceAsStream("/fixtures/tracking-numbers.csv")),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] f = line.split(",", 4);
				out.add(Arguments.of(f[0], f[1], f[2], f[3]));
			}
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}: ''{3}''")
	@MethodSource("numbers")
	void validNumbersAreFoundAndInvalidCheckDigitsAreNot(String carrier, String expectation, String definition,
			String number) {
		List<String> carriers = this.detector.detect(number).stream().map(CarrierCandidate::carrier).toList();
		if (expectation.equals("valid")) {
			assertThat(carriers).as(definition).contains(carrier);
		}
		else {
			assertThat(carriers).as(definition).doesNotContain(carrier);
		}
	}

	@ParameterizedTest(name = "{0} {2}: ''{3}''")
	@MethodSource("numbers")
	void numbersOfTheOriginalFourCarriersKeepTheirTopCandidate(String carrier, String expectation, String definition,
			String number) {
		if (expectation.equals("valid") && Set.of("ups", "fedex", "usps", "dhl").contains(carrier)
				&& !definition.equals("s10")) {
			assertThat(this.detector.detect(number).get(0).carrier()).as(definition).isEqualTo(carrier);
		}
	}

	@Test
	void upsNumbersRankUpsFirstWithTheirService() {
		List<CarrierCandidate> c = this.detector.detect("1Z 879E9303 4683 4440");
		assertThat(c.get(0).carrier()).isEqualTo("ups");
		assertThat(c.get(0).confidence()).isGreaterThan(0.9);
		assertThat(this.detector.detect("1Z5R89390357567127").get(0).service()).isEqualTo("UPS Ground");
	}

	@Test
	void dashesAndSpacesAreIgnored() {
		assertThat(this.detector.detect("9400-1112-0620-6406-2607-87").get(0).carrier()).isEqualTo("usps");
		assertThat(this.detector.detect(" 9865-7878 8855 ").get(0).carrier()).isEqualTo("fedex");
	}

	@Test
	void aWrongCheckDigitIsNoMatch() {
		assertThat(this.detector.detect("1Z5R89390357567128")).isEmpty();
		assertThat(this.detector.detect("986578788856")).extracting(CarrierCandidate::carrier).doesNotContain("fedex");
	}

	@Test
	void sandboxNumbersAreTheSandboxsOnly() {
		assertThat(this.detector.detect("SBX0000000001")).singleElement()
			.satisfies((c) -> assertThat(c.carrier()).isEqualTo("sandbox"));
		assertThat(this.detector.detect("SBX9000000001")).isEmpty();
	}

	@Test
	void candidatesAreRankedByConfidence() {
		List<CarrierCandidate> c = this.detector.detect("3318810025");
		assertThat(c).extracting(CarrierCandidate::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(c).extracting(CarrierCandidate::carrier).contains("dhl");
	}

	@Test
	void s10ItemsNeedARealCountryAndCheckDigit() {
		assertThat(this.detector.detect("RB123456785US").get(0).carrier()).isEqualTo("usps");
		assertThat(this.detector.detect("RB123456785XX")).isEmpty();
		assertThat(this.detector.detect("RB123456786US")).isEmpty();
	}

	@Test
	void luhnChecksTheLastDigit() {
		assertThat(Checksums.luhn("79927398713")).isTrue();
		assertThat(Checksums.luhn("79927398714")).isFalse();
	}

	@Test
	void garbageMatchesNothing() {
		assertThat(this.detector.detect("HELLO")).isEmpty();
		assertThat(this.detector.detect("")).isEmpty();
	}

}
