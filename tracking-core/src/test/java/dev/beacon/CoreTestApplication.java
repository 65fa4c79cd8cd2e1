package dev.beacon;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.beacon.shipment.MappingTable;

/** Boot configuration for tests of tracking-core alone (not part of the test-jar). */
@SpringBootApplication
public class CoreTestApplication {

	@Bean
	MappingTable testCarrierTable() {
		return MappingTable.fromClasspath("sandbox", "normalization/test-carrier.csv");
	}

}
