package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.beacon.order.Address;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback counts business days with the one calendar: weekends and the destination
 * country's holidays are skipped.
 */
class FallbackDeliveryEstimatorTests {

	@ParameterizedTest(name = "handed over {0} to {1}: {2} to {3}")
	@CsvSource({ "2025-07-01, US, 2025-07-03, 2025-07-09", // 4th of July and a weekend
			"2025-07-01, GB, 2025-07-03, 2025-07-08", // no US holiday in Britain
			"2025-12-22, DE, 2025-12-24, 2025-12-31", // Christmas and Boxing Day
			"2025-04-17, BR, 2025-04-22, 2025-04-25" // Tiradentes (21 April)
	})
	void twoToFiveBusinessDaysAfterHandover(LocalDate shipped, String country, LocalDate earliest, LocalDate latest) {
		Instant handover = shipped.atTime(12, 0).toInstant(ZoneOffset.UTC);
		EstimateRequest request = new EstimateRequest(UUID.randomUUID(), UUID.randomUUID(), "sandbox", null,
				Address.empty(), new Address(null, null, null, country), handover.minusSeconds(3600), handover, null,
				Milestone.IN_TRANSIT, handover, null, ZoneOffset.UTC, handover);
		assertThat(new FallbackDeliveryEstimator().estimate(request)).isEqualTo(new DeliveryWindow(earliest, latest));
	}

}
