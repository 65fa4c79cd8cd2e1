package dev.beacon;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.beacon.shipment.MappingTable;

/** Boot configuration for tests of tracking-core alone (not part of the test-jar). */
@SpringBootApplication
public class CoreTestApplication {

	/** Core's tests run at a fixed instant: the Tuesday after their orders are placed. */
	@Bean
	Clock clock() {
		return Clock.fixed(Instant.parse("2026-03-03T15:00:00Z"), ZoneOffset.UTC);
	}

	@Bean
	MappingTable testCarrierTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/test-carrier.csv");
	}

}
