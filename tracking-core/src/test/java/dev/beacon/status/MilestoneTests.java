package dev.beacon.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The milestone rule, one row per case: from, to, whether a scan may move it. */
class MilestoneTests {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource(textBlock = """
			LABEL_CREATED,      LABEL_CREATED,       false
			LABEL_CREATED,      PICKED_UP,           true
			LABEL_CREATED,      DELIVERED,           true
			PICKED_UP,          LABEL_CREATED,       false
			IN_TRANSIT,         PICKED_UP,           false
			IN_TRANSIT,         OUT_FOR_DELIVERY,    true
			OUT_FOR_DELIVERY,   IN_TRANSIT,          false
			OUT_FOR_DELIVERY,   DELIVERY_ATTEMPTED,  true
			DELIVERY_ATTEMPTED, OUT_FOR_DELIVERY,    true
			DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP, true
			AVAILABLE_FOR_PICKUP, RETURNING,         true
			RETURNING,          IN_TRANSIT,          false
			IN_TRANSIT,         EXPIRED,             true
			EXPIRED,            IN_TRANSIT,          true
			EXPIRED,            LABEL_CREATED,       true
			DELIVERED,          RETURNING,           true
			DELIVERED,          RETURNED,            true
			DELIVERED,          IN_TRANSIT,          false
			DELIVERED,          DELIVERED,           false
			RETURNED,           DELIVERED,           false
			CANCELLED,          IN_TRANSIT,          false
			CANCELLED,          RETURNING,           false
			IN_TRANSIT,         CANCELLED,           true
			""")
	void mayAdvanceTo(Milestone from, Milestone to, boolean allowed) {
		assertThat(from.mayAdvanceTo(to)).isEqualTo(allowed);
	}

}
