package dev.beacon.carriers.push;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.carriers.CarriersIntegrationTest;
import dev.beacon.carriers.CarriersTestSupport;
import dev.beacon.store.StoreManagement;

import static org.assertj.core.api.Assertions.assertThat;

class InboundDedupPerStoreTests extends CarriersIntegrationTest {

	@Autowired
	StoreManagement stores;

	@Autowired
	WebhookSources sources;

	@Test
	void aDeliveryIdSeenForOneStoreDoesNotSuppressItForAnother() {
		UUID a = CarriersTestSupport.store(this.stores, "dedup-a");
		UUID b = CarriersTestSupport.store(this.stores, "dedup-b");
		String eventId = "evt_" + UUID.randomUUID();
		assertThat(this.sources.firstDelivery("easypost", eventId, a)).isTrue();
		assertThat(this.sources.firstDelivery("easypost", eventId, b)).isTrue();
		assertThat(this.sources.firstDelivery("easypost", eventId, a)).isFalse();
		assertThat(this.sources.firstDelivery("easypost", eventId, b)).isFalse();
		assertThat(this.sources.firstDelivery("shopify", eventId, a)).isTrue();
	}

}
