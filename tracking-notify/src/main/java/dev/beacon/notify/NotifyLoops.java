package dev.beacon.notify;

import org.springframework.stereotype.Component;

import dev.beacon.common.BackgroundLoops;

/**
 * Notify's background loops, each on its own thread (core's {@link BackgroundLoops}): the
 * outbox dispatcher ({@code notify-dispatcher}, every
 * {@code beacon.notify.dispatcher.interval}) and the "arriving tomorrow"/"stalled" checks
 * ({@code notify-checks}, every {@code beacon.notify.dispatcher.check-interval}, only
 * with {@code beacon.notify.enabled}). Neither runs when
 * {@code beacon.notify.dispatcher.enabled=false}.
 */
@Component
class NotifyLoops {

	NotifyLoops(BackgroundLoops loops, Dispatcher dispatcher, ScheduledChecks checks, NotifyProperties properties) {
		if (!properties.dispatcher().enabled()) {
			return;
		}
		loops.register("notify-dispatcher", properties.dispatcher().interval(), dispatcher::drain);
		if (properties.enabled()) {
			loops.register("notify-checks", properties.dispatcher().checkInterval(), checks::check);
		}
	}

}
