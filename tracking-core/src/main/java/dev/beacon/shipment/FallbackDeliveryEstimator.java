package dev.beacon.shipment;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;

/**
 * The estimator of last resort: the carrier's own estimate when it gives one; today when
 * out for delivery; otherwise two to five business days after handover (or order). A
 * window that has already passed without delivery slides to the next two business days.
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
		DeliveryWindow window;
		if (r.carrierEstimate() != null) {
			window = r.carrierEstimate();
		}
		else {
			LocalDate start = ((r.shippedAt() != null) ? r.shippedAt() : r.placedAt()).atZone(r.zone()).toLocalDate();
			window = new DeliveryWindow(plusBusinessDays(start, 2), plusBusinessDays(start, 5));
		}
		if (window.latest().isBefore(today)) {
			window = new DeliveryWindow(plusBusinessDays(today, 1), plusBusinessDays(today, 2));
		}
		return window;
	}

	static LocalDate plusBusinessDays(LocalDate start, int days) {
		LocalDate d = start;
		int added = 0;
		while (added < days) {
			d = d.plusDays(1);
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return d;
	}

}
