package dev.beacon.promise;

import java.time.LocalDate;

import dev.beacon.shipment.DeliveryEstimator;
import dev.beacon.shipment.EstimateRequest;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Milestone;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Places shipments' delivery windows from the learned distributions, ahead of core's
 * fallback. It steps aside (answers null) when the carrier gives its own estimate, when
 * the parcel is out for delivery or finished, when the store has too little history, and
 * when the learned window has already passed (the fallback then slides it).
 */
@Component
@Order(0)
class PromiseDeliveryEstimator implements DeliveryEstimator {

	private final PromiseEngine engine;

	private final StatedWindows stated;

	PromiseDeliveryEstimator(PromiseEngine engine, StatedWindows stated) {
		this.engine = engine;
		this.stated = stated;
	}

	@Override
	public @Nullable DeliveryWindow estimate(EstimateRequest r) {
		if (r.milestone().isTerminal() || r.milestone() == Milestone.OUT_FOR_DELIVERY || r.carrierEstimate() != null) {
			return null;
		}
		Lane lane = Lane.of(r.origin().region(), r.origin().country(), r.destination().region(),
				r.destination().country(), r.carrier(), r.service());
		var promise = (r.shippedAt() != null) ? this.engine.fromHandover(r.storeId(), lane, r.shippedAt())
				: this.engine.promise(r.storeId(), lane, r.placedAt());
		if (promise.isEmpty()) {
			return null;
		}
		LocalDate today = r.now().atZone(r.zone()).toLocalDate();
		if (promise.get().latest().isBefore(today)) {
			return null;
		}
		this.stated.record(r.storeId(), r.shipmentId(), promise.get(), r.now());
		return new DeliveryWindow(promise.get().earliest(), promise.get().latest());
	}

}
