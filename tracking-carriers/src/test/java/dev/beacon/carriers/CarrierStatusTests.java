package dev.beacon.carriers;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierStatusTests {

	private static CarrierStatus status(String lastError) {
		return new CarrierStatus("dhl", "DHL", true, "CLOSED", lastError, Instant.parse("2026-12-01T10:00:00Z"), "");
	}

	@Test
	void theCategoryCarriesNoneOfTheCarriersText() {
		assertThat(status("SERVER_ERROR: dhl: HTTP 500 {\"detail\":\"JD0123 of another store\"}").lastErrorCategory())
			.isEqualTo("SERVER_ERROR");
		assertThat(status("RATE_LIMITED: dhl quota exhausted").lastErrorCategory()).isEqualTo("RATE_LIMITED");
		assertThat(status("java.net.ConnectException: refused 10.0.0.1").lastErrorCategory()).isEqualTo("ERROR");
		assertThat(status(null).lastErrorCategory()).isNull();
	}

}
