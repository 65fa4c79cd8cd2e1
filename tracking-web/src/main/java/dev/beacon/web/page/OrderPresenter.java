package dev.beacon.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.order.Address;
import dev.beacon.order.Customer;
import dev.beacon.order.Order;
import dev.beacon.order.OrderItem;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.store.Store;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageModels.Item;
import dev.beacon.web.page.PageModels.OrderView;
import dev.beacon.web.page.PageModels.ScanRow;
import dev.beacon.web.page.PageModels.ShipmentCard;
import dev.beacon.web.page.PageModels.Step;
import dev.beacon.web.page.PageModels.Summary;
import dev.beacon.web.page.PageModels.Tone;

/**
 * Turns orders and shipments into plain-language read models: the headline ("Out for
 * delivery", "Delayed: weather in Memphis"), what happens next, what to do first, the
 * delivery window, the progress timeline and the scan history.
 */
@Component
class OrderPresenter {

	static final String[] STEPS = { "ordered", "shipped", "transit", "out", "delivered" };

	private static final Pattern YEAR = Pattern.compile("\\s*,?\\s*('de'\\s*)?y+\\.?");

	private static final Pattern PERSONAL = Pattern
		.compile("(?i)\\b(signed(?: for)? by|received by|left with|leave with)\\b.*$");

	private final MessageSource messages;

	private final CarrierNames carriers;

	OrderPresenter(MessageSource messages, CarrierNames carriers) {
		this.messages = messages;
		this.carriers = carriers;
	}

	OrderView order(Store store, Order order, List<ShipmentView> shipments, Locale locale) {
		ZoneId zone = store.getTimeZone();
		List<ShipmentCard> cards = cards(store, shipments, order.getPromisedBy(), locale);
		Summary summary;
		if (order.isCancelled()) {
			summary = new Summary(Tone.DONE, msg(locale, "tone.cancelled"), msg(locale, "order.cancelled.headline"),
					msg(locale, "order.cancelled.next", store.getName()), null, null, null, null, null, null);
		}
		else if (cards.isEmpty()) {
			summary = new Summary(Tone.OK, msg(locale, "tone.ok"), msg(locale, "order.noShipment.headline"),
					msg(locale, "order.noShipment.next", store.getName()), null, null, promised(order, locale), null,
					null, null);
		}
		else if (cards.size() == 1) {
			summary = cards.get(0).summary();
		}
		else {
			summary = splitSummary(cards, shipments, locale);
		}
		List<Item> items = order.getItems().stream().map((OrderItem i) -> new Item(i.name(), i.quantity())).toList();
		String packages = (cards.size() > 1) ? msg(locale, "order.packages", cards.size()) : null;
		return new OrderView(order.getOrderNumber(), date(order.getPlacedAt().atZone(zone).toLocalDate(), locale),
				summary, packages, cards, items, maskedName(order.getCustomer()), shipTo(order.getDestination()),
				maskedEmail(order.getCustomer().email()));
	}

	List<ShipmentCard> cards(Store store, List<ShipmentView> shipments, @Nullable LocalDate promisedBy, Locale locale) {
		List<ShipmentCard> cards = new ArrayList<>();
		int i = 1;
		for (ShipmentView s : shipments) {
			cards.add(card(store, s, i++, shipments.size(), promisedBy, locale));
		}
		return cards;
	}

	private Summary splitSummary(List<ShipmentCard> cards, List<ShipmentView> shipments, Locale locale) {
		long delivered = shipments.stream().filter((s) -> s.milestone() == Milestone.DELIVERED).count();
		ShipmentCard worst = cards.stream()
			.max(Comparator.comparingInt((ShipmentCard c) -> severity(c.summary().tone())))
			.orElseThrow();
		if (delivered == cards.size()) {
			return worst.summary();
		}
		if (delivered > 0 && worst.summary().tone() == Tone.OK) {
			ShipmentCard open = cards.stream().filter((c) -> c.summary().tone() != Tone.DONE).findFirst().orElse(worst);
			Summary s = open.summary();
			return new Summary(Tone.OK, msg(locale, "tone.ok"),
					msg(locale, "headline.partial", delivered, cards.size()), s.next(), s.todo(), s.helpTopic(),
					s.window(), s.windowNote(), s.windowIso(), s.windowLocal());
		}
		return worst.summary();
	}

	private static int severity(Tone tone) {
		return switch (tone) {
			case DONE -> 0;
			case OK -> 1;
			case WARN -> 2;
			case BAD -> 3;
		};
	}

	ShipmentCard card(Store store, ShipmentView s, int position, int count, @Nullable LocalDate promisedBy,
			Locale locale) {
		Summary summary = summary(store, s, promisedBy, locale);
		String carrierName = this.carriers.name(s.carrier());
		String url = this.carriers.link(s.carrier(), s.trackingNumber());
		ZoneId zone = store.getTimeZone();
		DateTimeFormatter fmt = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone);
		List<ScanRow> scans = s.events()
			.stream()
			.map((ScanView e) -> new ScanRow(e.occurredAt().toString(), fmt.format(e.occurredAt()),
					scrub(e.description()), e.location().label()))
			.toList();
		String zoneName = zone.getDisplayName(TextStyle.FULL, locale);
		return new ShipmentCard(s.id().toString(), position, count, summary, carrierName, s.trackingNumber(), url,
				(url != null) ? msg(locale, "carrier.link", carrierName) : null, steps(s, summary, locale), scans,
				msg(locale, "history.timeNote", zoneName));
	}

	Summary summary(Store store, ShipmentView s, @Nullable LocalDate promisedBy, Locale locale) {
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
		String next = next(store, s, locale);
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
		if (m == Milestone.DELIVERED && s.deliveredAt() != null) {
			window = msg(locale, "window.delivered", dateTime(s.deliveredAt(), store.getTimeZone(), locale));
			windowIso = s.deliveredAt().toString();
			windowLocal = msg(locale, "window.delivered", "{t}");
		}
		else if (m.isTerminal() || m == Milestone.RETURNING) {
			window = null;
		}
		else if (s.estimatedDelivery() != null) {
			window = msg(locale, "window.estimate", window(s.estimatedDelivery(), store.getTimeZone(), locale));
			if (promisedBy != null && s.estimatedDelivery().endsAfter(promisedBy)) {
				windowNote = msg(locale, "window.late", date(promisedBy, locale));
			}
		}
		else {
			window = msg(locale, "window.none");
		}
		return new Summary(tone, msg(locale, "tone." + tone.css()), headline, next, todo,
				(topic != null) ? topic.name() : null, window, windowNote, windowIso, windowLocal);
	}

	private String next(Store store, ShipmentView s, Locale locale) {
		return switch (s.milestone()) {
			case ORDERED, LABEL_CREATED -> msg(locale, "next.LABEL_CREATED", store.getName());
			case AVAILABLE_FOR_PICKUP -> {
				String where = s.statusLocation();
				yield (where != null && !where.isBlank()) ? msg(locale, "next.AVAILABLE_FOR_PICKUP", where)
						: msg(locale, "next.AVAILABLE_FOR_PICKUP.noPlace");
			}
			case RETURNING, RETURNED -> msg(locale, "next." + s.milestone().name(), store.getName());
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
		if (h != Health.ON_TRACK || m == Milestone.EXPIRED || m == Milestone.DELIVERY_ATTEMPTED) {
			return (m == Milestone.RETURNING || m == Milestone.RETURNED) ? HelpTopic.OTHER : HelpTopic.WHERE_IS_IT;
		}
		return null;
	}

	/** The main-line step of a milestone; -1 for side states. */
	static int stepOf(Milestone m) {
		return switch (m) {
			case ORDERED -> 0;
			case LABEL_CREATED, PICKED_UP -> 1;
			case IN_TRANSIT -> 2;
			case OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP -> 3;
			case DELIVERED -> 4;
			default -> -1;
		};
	}

	List<Step> steps(ShipmentView s, Summary summary, Locale locale) {
		Milestone m = s.milestone();
		int current = stepOf(m);
		if (current < 0) {
			// side state: the step it reached before leaving the main line
			current = 1;
			for (ScanView e : s.events()) {
				if (e.milestone() != null) {
					current = Math.max(current, Math.min(3, stepOf(e.milestone())));
				}
			}
		}
		boolean delivered = m == Milestone.DELIVERED;
		String currentState = switch (summary.tone()) {
			case BAD -> "problem";
			case WARN -> "warn";
			default -> "current";
		};
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < STEPS.length; i++) {
			String label = msg(locale, "timeline.step." + STEPS[i]);
			String state;
			if (i < current || (delivered && i == current)) {
				state = "done";
			}
			else if (i == current) {
				state = currentState;
				if (m != Milestone.OUT_FOR_DELIVERY && m != Milestone.IN_TRANSIT && m != Milestone.ORDERED
						&& m != Milestone.PICKED_UP) {
					label = msg(locale, "status." + m.name());
				}
				if (!"current".equals(state)) {
					label = summary.headline();
				}
			}
			else {
				state = "todo";
			}
			steps.add(new Step(label, state, msg(locale, "timeline.state." + state), i == current));
		}
		return steps;
	}

	/** The window from today on (a window that began in the past starts today). */
	String window(DeliveryWindow w, ZoneId zone, Locale locale) {
		LocalDate today = LocalDate.now(zone);
		LocalDate earliest = (w.earliest().isBefore(today) && !w.latest().isBefore(today)) ? today : w.earliest();
		if (earliest.equals(w.latest())) {
			return date(earliest, locale);
		}
		return msg(locale, "window.range", date(earliest, locale), date(w.latest(), locale));
	}

	private @Nullable String promised(Order order, Locale locale) {
		return (order.getPromisedBy() != null) ? msg(locale, "window.promised", date(order.getPromisedBy(), locale))
				: null;
	}

	/** "Wednesday, November 25", with the year only when it is not this year. */
	static String date(LocalDate date, Locale locale) {
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL, null,
				IsoChronology.INSTANCE, locale);
		if (date.getYear() == LocalDate.now().getYear()) {
			String withoutYear = YEAR.matcher(pattern).replaceAll("").strip();
			if (!withoutYear.equals(pattern) && !withoutYear.isEmpty()) {
				pattern = withoutYear;
			}
		}
		return DateTimeFormatter.ofPattern(pattern, locale).format(date);
	}

	static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	/** Strips who signed for or received a parcel from carrier text (privacy). */
	static String scrub(String text) {
		return PERSONAL.matcher(text).replaceAll("$1 ***");
	}

	static @Nullable String city(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		return location.split(",")[0].strip();
	}

	/** "Ana L." */
	static @Nullable String maskedName(Customer customer) {
		String name = customer.name();
		if (name == null || name.isBlank()) {
			return null;
		}
		String[] parts = name.strip().split("\\s+");
		return (parts.length == 1) ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
	}

	/** "a***@e***.com" */
	static @Nullable String maskedEmail(@Nullable String email) {
		if (email == null || email.indexOf('@') <= 0) {
			return null;
		}
		String local = email.substring(0, email.indexOf('@'));
		String domain = email.substring(email.indexOf('@') + 1);
		int dot = domain.lastIndexOf('.');
		String host = (dot > 0) ? domain.substring(0, dot) : domain;
		String tld = (dot > 0) ? domain.substring(dot) : "";
		return local.charAt(0) + "***@" + (host.isEmpty() ? "" : host.charAt(0)) + "***" + tld;
	}

	/** "Memphis, TN 381**, US": city and postal prefix only. */
	static @Nullable String shipTo(Address a) {
		StringBuilder sb = new StringBuilder();
		if (a.city() != null && !a.city().isBlank()) {
			sb.append(a.city());
		}
		if (a.region() != null && !a.region().isBlank()) {
			sb.append(sb.isEmpty() ? "" : ", ").append(a.region());
		}
		if (a.postalCode() != null && a.postalCode().length() >= 3) {
			sb.append(sb.isEmpty() ? "" : " ").append(a.postalCode(), 0, 3).append("**");
		}
		if (a.country() != null && !a.country().isBlank()) {
			sb.append(sb.isEmpty() ? "" : ", ").append(a.country());
		}
		return sb.isEmpty() ? null : sb.toString();
	}

	String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
