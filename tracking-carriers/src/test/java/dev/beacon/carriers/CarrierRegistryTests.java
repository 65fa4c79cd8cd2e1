package dev.beacon.carriers;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.beacon.carriers.detect.Posts;
import dev.beacon.shipment.CarrierInfo;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierRegistryTests {

	@Test
	void theRegistryHoldsTheCarriersStoresShipWith() {
		List<String> codes = CarrierRegistry.all().stream().map(CarrierInfo::code).toList();
		assertThat(codes).startsWith("ups", "fedex", "usps", "dhl", "sandbox");
		assertThat(codes).contains("canadapost", "purolator", "royalmail", "evri", "dpd", "gls", "postnl", "laposte",
				"deutschepost", "australiapost", "correios", "chinapost", "yunexpress", "4px", "cainiao", "ontrac",
				"lasership", "amazon");
		assertThat(CarrierRegistry.all().stream().filter((c) -> !c.code().startsWith("post-")).count())
			.isGreaterThanOrEqualTo(30);
		assertThat(codes).doesNotHaveDuplicates().doesNotContain("other");
		assertThat(CarrierRegistry.all()).allSatisfy((c) -> {
			assertThat(c.code()).matches("[a-z0-9][a-z0-9-]{1,19}");
			assertThat(c.tracking()).isIn("live", "aggregator", "manual");
			if (c.trackingUrlTemplate() != null) {
				assertThat(c.trackingUrlTemplate()).startsWith("https://").contains("{number}");
			}
		});
	}

	@Test
	void everyIssuingPostHasAnEntry() {
		for (String country : Posts.COUNTRIES) {
			assertThat(CarrierRegistry.find(Posts.codeFor(country))).as(country).isPresent();
		}
		assertThat(CarrierRegistry.find("deutschepost").orElseThrow().name()).isEqualTo("Deutsche Post / DHL Paket");
		assertThat(CarrierRegistry.find("post-cv").orElseThrow().name()).isEqualTo("Postal service (Cape Verde)");
	}

	@Test
	void linksCarryTheEncodedNumber() {
		assertThat(CarrierRegistry.trackingUrl("canadapost", "7023210039414604"))
			.isEqualTo("https://www.canadapost-postescanada.ca/track-reperage/en#/details/7023210039414604");
		assertThat(CarrierRegistry.trackingUrl("sandbox", "SBX0000000001")).isNull();
		assertThat(CarrierRegistry.trackingUrl("nope", "1")).isNull();
	}

	@Test
	void platformsNamesAreReadAsRegistryCodes() {
		for (var e : List.of(List.of("Canada Post", "canadapost"), List.of("DHL Express", "dhl"),
				List.of("DHL Paket", "deutschepost"), List.of("United States Postal Service", "usps"),
				List.of("Royal Mail", "royalmail"), List.of("Colissimo", "laposte"), List.of("UPS", "ups"),
				List.of("Australia Post", "australiapost"), List.of("YunExpress", "yunexpress"))) {
			assertThat(CarrierRegistry.codeForName(e.get(0))).as(e.get(0)).contains(e.get(1));
		}
		assertThat(CarrierRegistry.codeForName("Bob's Van")).isEmpty();
		assertThat(Set.of("ups", "fedex", "usps", "dhl", "sandbox"))
			.allSatisfy((c) -> assertThat(CarrierRegistry.find(c)).isPresent());
	}

}
