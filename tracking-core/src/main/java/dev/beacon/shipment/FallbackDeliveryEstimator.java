package dev.beacon.shipment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.beacon.common.BusinessCalendar;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * The estimator of last resort: the carrier's own estimate when it gives one; today when
 * out for delivery; otherwise two to five business days after handover (or order). A
 * window that has already passed without delivery slides to the next two business days.
 * Business days are those of the destination country ({@link BusinessCalendar}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackDeliveryEstimator implements DeliveryEstimator {

	@Override
	public @Nullable DeliveryWindow estimate(EstimateRequest r) {
		if (r.milestone().isTerminal() && r.milestone() != Milestone.EXPIRED) {
			return null;
		}
		LocalDate today = r.now().atZone(r.zone()).toLocalDate();
		if (r.milestone() == Milestone.OUT_FOR_DELIVERY) {
			return new DeliveryWindow(today, today);
		}
		String country = r.destination().country();
		DeliveryWindow window;
		if (r.carrierEstimate() != null) {
			window = r.carrierEstimate();
		}
		else {
			LocalDate start = ((r.shippedAt() != null) ? r.shippedAt() : r.placedAt()).atZone(r.zone()).toLocalDate();
			window = new DeliveryWindow(BusinessCalendar.addBusinessDays(start, 2, country),
					BusinessCalendar.addBusinessDays(start, 5, country));
		}
		if (window.latest().isBefore(today)) {
			window = new DeliveryWindow(BusinessCalendar.addBusinessDays(today, 1, country),
					BusinessCalendar.addBusinessDays(today, 2, country));
		}
		return window;
	}

}
