package dev.beacon.web.page;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageModels.Summary;
import dev.beacon.web.page.PageModels.Tone;

/**
 * What a shipment's state means to a shopper, in words: tone, headline ("Out for
 * delivery", "Delayed: weather in Memphis"), what happens next, what to do first, the
 * help topic that fits, and the delivery window. A parcel waiting at a pickup point is
 * "Ready for pickup" (the shopper's move, not a problem); a lost or damaged parcel, or
 * one whose window has passed, shows no estimate. A window the promise engine placed says
 * how sure it is ("9 in 10 similar orders arrived by Thursday, December 11", from the
 * stated confidence, never rounded up), and a window that slipped says why (the
 * shipment's reason).
 */
@Component
class ShopperStatus {

	private final MessageSource messages;

	private final PageDates dates;

	private final Optional<EstimateConfidence> confidence;

	@Autowired
	ShopperStatus(MessageSource messages, PageDates dates, Optional<EstimateConfidence> confidence) {
		this.messages = messages;
		this.dates = dates;
		this.confidence = confidence;
	}

	ShopperStatus(MessageSource messages, PageDates dates) {
		this(messages, dates, Optional.empty());
	}

	Summary summary(String storeName, ZoneId zone, ShipmentView s, @Nullable LocalDate promisedBy, Locale locale) {
		Milestone m = s.milestone();
		Health h = s.health();
		Reason r = s.reason();
		String reason = (r != null) ? msg(locale, "reason." + r.name()) : msg(locale, "reason.OTHER");
		String place = city(s.statusLocation());
		Tone tone;
		String headline;
		if (m == Milestone.DELIVERED) {
			tone = Tone.DONE;
			headline = msg(locale, "status.DELIVERED");
		}
		else if (m == Milestone.RETURNING || m == Milestone.RETURNED || m == Milestone.EXPIRED
				|| m == Milestone.CANCELLED) {
			tone = Tone.BAD;
			headline = msg(locale, "status." + m.name());
		}
		else if (m == Milestone.DELIVERY_ATTEMPTED) {
			tone = Tone.WARN;
			headline = msg(locale, "status.DELIVERY_ATTEMPTED");
		}
		else if (m == Milestone.AVAILABLE_FOR_PICKUP && h != Health.EXCEPTION) {
			// waiting for the shopper at a pickup point: their move, not a problem
			tone = Tone.OK;
			headline = msg(locale, "status.AVAILABLE_FOR_PICKUP");
		}
		else if (h == Health.EXCEPTION) {
			tone = Tone.BAD;
			headline = msg(locale, "headline.exception", reason);
		}
		else if (h == Health.ACTION_REQUIRED) {
			tone = Tone.BAD;
			headline = msg(locale, "headline.action", reason);
		}
		else if (h == Health.DELAYED) {
			tone = Tone.WARN;
			headline = (place != null) ? msg(locale, "headline.delayedAt", reason, place)
					: msg(locale, "headline.delayed", reason);
		}
		else if (h == Health.AT_RISK) {
			tone = Tone.WARN;
			headline = msg(locale, "headline.atRisk", reason);
		}
		else {
			tone = Tone.OK;
			headline = msg(locale, "status." + m.name());
		}
		String next = next(storeName, s, locale);
		if (m == Milestone.PICKED_UP || m == Milestone.IN_TRANSIT || m == Milestone.OUT_FOR_DELIVERY) {
			if (h == Health.EXCEPTION) {
				next = msg(locale, "next.exception");
			}
			else if (h == Health.ACTION_REQUIRED) {
				next = msg(locale, "next.action");
			}
			else if (h == Health.DELAYED || h == Health.AT_RISK) {
				next = msg(locale, "next.delayed");
			}
		}
		String todoKey = todoKey(m, h, r);
		String todo = (todoKey != null) ? msg(locale, "todo." + todoKey) : null;
		HelpTopic topic = topic(m, h, r);
		String window;
		String windowNote = null;
		String windowIso = null;
		String windowLocal = null;
		String windowSure = null;
		if (m == Milestone.DELIVERED && s.deliveredAt() != null) {
			window = msg(locale, "window.delivered", PageDates.dateTime(s.deliveredAt(), zone, locale));
			windowIso = s.deliveredAt().toString();
			windowLocal = msg(locale, "window.delivered", "{t}");
		}
		else if (m.isTerminal() || m == Milestone.RETURNING || r == Reason.LOST || r == Reason.DAMAGED) {
			window = null;
		}
		else if (s.estimatedDelivery() != null && !this.dates.ended(s.estimatedDelivery(), zone)) {
			DeliveryWindow w = s.estimatedDelivery();
			window = msg(locale, "window.estimate", this.dates.window(w, zone, locale));
			EstimateConfidence.Stated stated = this.confidence.flatMap((c) -> c.stated(s.id(), w)).orElse(null);
			if (stated != null && stated.confidence() >= 0.5) {
				// "9 in 10": never rounded up
				windowSure = msg(locale, "window.sure", (int) Math.floor(stated.confidence() * 10 + 1e-9),
						this.dates.date(w.latest(), zone, locale));
			}
			// the first promise: the store's, or the first window stated, whichever was
			// earlier
			LocalDate first = promisedBy;
			if (stated != null && (first == null || stated.firstLatest().isBefore(first))) {
				first = stated.firstLatest();
			}
			if (first != null && w.endsAfter(first)) {
				String why = why(locale, h, r);
				windowNote = (why != null)
						? msg(locale, "window.lateBecause", this.dates.date(first, zone, locale), why)
						: msg(locale, "window.late", this.dates.date(first, zone, locale));
			}
		}
		else {
			window = msg(locale, "window.none");
		}
		return new Summary(tone, msg(locale, "tone." + tone.css()), headline, next, todo,
				(topic != null) ? topic.name() : null, window, windowNote, windowIso, windowLocal, windowSure);
	}

	/**
	 * Why a window slipped, in words: the shipment's reason (carrier delay, weather,
	 * customs, ...), or a carrier issue when it is delayed or in trouble without one;
	 * null when nothing is known.
	 */
	private @Nullable String why(Locale locale, Health h, @Nullable Reason r) {
		if (r != null) {
			return msg(locale, "reason." + r.name());
		}
		return (h == Health.ON_TRACK) ? null : msg(locale, "reason.OTHER");
	}

	private String next(String storeName, ShipmentView s, Locale locale) {
		return switch (s.milestone()) {
			case ORDERED, LABEL_CREATED -> msg(locale, "next.LABEL_CREATED", storeName);
			case AVAILABLE_FOR_PICKUP -> {
				String where = s.statusLocation();
				yield (where != null && !where.isBlank()) ? msg(locale, "next.AVAILABLE_FOR_PICKUP", where)
						: msg(locale, "next.AVAILABLE_FOR_PICKUP.noPlace");
			}
			case RETURNING, RETURNED -> msg(locale, "next." + s.milestone().name(), storeName);
			default -> msg(locale, "next." + s.milestone().name());
		};
	}

	static @Nullable String todoKey(Milestone m, Health h, @Nullable Reason r) {
		if (m == Milestone.DELIVERY_ATTEMPTED) {
			return "DELIVERY_ATTEMPTED";
		}
		if (m == Milestone.RETURNING || m == Milestone.RETURNED || r == Reason.RETURN_TO_SENDER) {
			return "RETURNING";
		}
		if (m == Milestone.EXPIRED || r == Reason.SILENT) {
			return "EXPIRED";
		}
		if (m == Milestone.DELIVERED) {
			return "DELIVERED";
		}
		if (m == Milestone.AVAILABLE_FOR_PICKUP) {
			return "AVAILABLE_FOR_PICKUP";
		}
		if (h == Health.ON_TRACK) {
			return null;
		}
		if (r != null) {
			switch (r) {
				case ADDRESS, DAMAGED, LOST, CUSTOMS, REFUSED, HELD, CONSIGNEE -> {
					return r.name();
				}
				default -> {
				}
			}
		}
		return (h == Health.DELAYED || h == Health.AT_RISK) ? "delayed" : "generic";
	}

	static @Nullable HelpTopic topic(Milestone m, Health h, @Nullable Reason r) {
		if (r == Reason.ADDRESS) {
			return HelpTopic.WRONG_ADDRESS;
		}
		if (r == Reason.DAMAGED) {
			return HelpTopic.DAMAGED;
		}
		if (m == Milestone.DELIVERED) {
			return HelpTopic.NOT_RECEIVED;
		}
		if (m == Milestone.AVAILABLE_FOR_PICKUP && h != Health.EXCEPTION) {
			return null;
		}
		if (h != Health.ON_TRACK || m == Milestone.EXPIRED || m == Milestone.DELIVERY_ATTEMPTED) {
			return (m == Milestone.RETURNING || m == Milestone.RETURNED) ? HelpTopic.OTHER : HelpTopic.WHERE_IS_IT;
		}
		return null;
	}

	static @Nullable String city(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		return location.split(",")[0].strip();
	}

	private String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
