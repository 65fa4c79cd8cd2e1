package dev.beacon.order;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.beacon.retention.RetentionProperties;
import dev.beacon.retention.RetentionSweep;

/**
 * Erases the personal data of orders finished (delivered, returned, expired or cancelled)
 * more than {@code beacon.retention.personal-data} ago. Off unless set.
 */
@Component
class PersonalDataRetention implements RetentionSweep {

	private final OrderManagement orders;

	PersonalDataRetention(OrderManagement orders) {
		this.orders = orders;
	}

	@Override
	public String name() {
		return "personal-data";
	}

	@Override
	public int sweep(RetentionProperties properties, Instant now, int limit) {
		if (properties.personalData() == null) {
			return 0;
		}
		int erased = 0;
		// one transaction per order: an erasure is all or nothing, and short
		for (Order order : this.orders.finishedWithPersonalData(now.minus(properties.personalData()), limit)) {
			this.orders.erasePersonalData(order.getStoreId(), order.getId());
			erased++;
		}
		return erased;
	}

}
