package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.beacon.order.Address;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimator of last resort, one row per case. Orders are placed on Monday 2026-03-02
 * in Chicago; "today" varies. Business days are the one calendar's: weekends and the
 * destination country's holidays are skipped.
 */
class FallbackDeliveryEstimatorTests {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	final FallbackDeliveryEstimator estimator = new FallbackDeliveryEstimator();

	@ParameterizedTest(name = "{0}, shipped {1}, carrier {2}..{3}, today {4}: {5}..{6}")
	@CsvSource(textBlock = """
			# milestone,     shipped,    carrier from, carrier to, today,      earliest,   latest
			LABEL_CREATED,    ,           ,           ,           2026-03-02, 2026-03-04, 2026-03-09
			IN_TRANSIT,       2026-03-04, ,           ,           2026-03-04, 2026-03-06, 2026-03-11
			IN_TRANSIT,       2026-03-06, ,           ,           2026-03-06, 2026-03-10, 2026-03-13
			IN_TRANSIT,       ,           2026-03-05, 2026-03-06, 2026-03-03, 2026-03-05, 2026-03-06
			OUT_FOR_DELIVERY, ,           2026-03-05, 2026-03-06, 2026-03-03, 2026-03-03, 2026-03-03
			IN_TRANSIT,       ,           ,           ,           2026-03-12, 2026-03-13, 2026-03-16
			IN_TRANSIT,       ,           2026-03-05, 2026-03-06, 2026-03-09, 2026-03-10, 2026-03-11
			EXPIRED,          ,           ,           ,           2026-03-03, 2026-03-04, 2026-03-09
			DELIVERED,        ,           ,           ,           2026-03-03, ,
			RETURNED,         ,           ,           ,           2026-03-03, ,
			""")
	void places(Milestone milestone, @Nullable LocalDate shipped, @Nullable LocalDate carrierFrom,
			@Nullable LocalDate carrierTo, LocalDate today, @Nullable LocalDate earliest, @Nullable LocalDate latest) {
		DeliveryWindow carrier = (carrierFrom != null) ? new DeliveryWindow(carrierFrom, carrierTo) : null;
		EstimateRequest request = new EstimateRequest(UUID.randomUUID(), UUID.randomUUID(), "sandbox", null,
				Address.empty(), Address.empty(), noon(LocalDate.of(2026, 3, 2)),
				(shipped != null) ? noon(shipped) : null, null, milestone, null, carrier, CHICAGO, noon(today));
		DeliveryWindow expected = (earliest != null) ? new DeliveryWindow(earliest, latest) : null;
		assertThat(this.estimator.estimate(request)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "handed over {0} to {1}: {2} to {3}")
	@CsvSource({ "2025-07-01, US, 2025-07-03, 2025-07-09", // 4th of July and a weekend
			"2025-07-01, GB, 2025-07-03, 2025-07-08", // no US holiday in Britain
			"2025-12-22, DE, 2025-12-24, 2025-12-31", // Christmas and Boxing Day
			"2025-04-17, BR, 2025-04-23, 2025-04-28" // Good Friday (18) and Tiradentes
														// (21 April)
	})
	void skipsTheDestinationsHolidays(LocalDate shipped, String country, LocalDate earliest, LocalDate latest) {
		Instant handover = shipped.atTime(12, 0).toInstant(ZoneOffset.UTC);
		EstimateRequest request = new EstimateRequest(UUID.randomUUID(), UUID.randomUUID(), "sandbox", null,
				Address.empty(), new Address(null, null, null, country), handover.minusSeconds(3600), handover, null,
				Milestone.IN_TRANSIT, handover, null, ZoneOffset.UTC, handover);
		assertThat(this.estimator.estimate(request)).isEqualTo(new DeliveryWindow(earliest, latest));
	}

	private static Instant noon(LocalDate date) {
		return date.atTime(12, 0).atZone(CHICAGO).toInstant();
	}

}
