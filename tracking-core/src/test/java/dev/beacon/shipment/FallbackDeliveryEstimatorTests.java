package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * in Chicago; "today" varies.
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

	private static Instant noon(LocalDate date) {
		return date.atTime(12, 0).atZone(CHICAGO).toInstant();
	}

}
