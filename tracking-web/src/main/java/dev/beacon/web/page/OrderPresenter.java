package dev.beacon.web.page;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.order.OrderDetails;
import dev.beacon.order.OrderItem;
import dev.beacon.shipment.ScanView;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.Milestone;
import dev.beacon.store.Store;
import dev.beacon.web.page.PageModels.CardText;
import dev.beacon.web.page.PageModels.Item;
import dev.beacon.web.page.PageModels.OrderView;
import dev.beacon.web.page.PageModels.ScanRow;
import dev.beacon.web.page.PageModels.ShipmentCard;
import dev.beacon.web.page.PageModels.Summary;
import dev.beacon.web.page.PageModels.Tone;

/**
 * Assembles the page's read models of an order and its shipments: one card per shipment
 * (its {@link ShopperStatus}, {@link Timeline} and scan history, with
 * {@link PersonalData} masked), and the order's summary (the worst shipment's, or "2 of 3
 * delivered").
 */
@Component
class OrderPresenter {

	private final MessageSource messages;

	private final ShopperStatus status;

	private final Timeline timeline;

	private final PageDates dates;

	OrderPresenter(MessageSource messages, ShopperStatus status, Timeline timeline, PageDates dates) {
		this.messages = messages;
		this.status = status;
		this.timeline = timeline;
		this.dates = dates;
	}

	OrderView order(Store store, OrderDetails order, List<ShipmentView> shipments, Locale locale) {
		ZoneId zone = store.getTimeZone();
		List<ShipmentCard> cards = cards(store, shipments, order.promisedBy(), locale);
		Summary summary;
		if (order.isCancelled()) {
			summary = new Summary(Tone.DONE, msg(locale, "tone.cancelled"), msg(locale, "order.cancelled.headline"),
					msg(locale, "order.cancelled.next", store.getName()), null, null, null, null, null, null);
		}
		else if (cards.isEmpty()) {
			summary = new Summary(Tone.OK, msg(locale, "tone.ok"), msg(locale, "order.noShipment.headline"),
					msg(locale, "order.noShipment.next", store.getName()), null, null, promised(order, zone, locale),
					null, null, null);
		}
		else if (cards.size() == 1) {
			summary = cards.get(0).summary();
		}
		else {
			summary = splitSummary(cards, shipments, locale);
		}
		List<Item> items = order.items().stream().map((OrderItem i) -> new Item(i.name(), i.quantity())).toList();
		String packages = (cards.size() > 1) ? msg(locale, "order.packages", cards.size()) : null;
		return new OrderView(order.orderNumber(),
				this.dates.date(order.placedAt().atZone(zone).toLocalDate(), zone, locale), summary, packages, cards,
				items, PersonalData.maskedName(order.customer()), PersonalData.shipTo(order.destination()),
				PersonalData.maskedEmail(order.customer().email()));
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
					s.window(), s.windowNote(), s.windowIso(), s.windowLocal(), s.windowSure());
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
		Summary summary = this.status.summary(store.getName(), store.getTimeZone(), s, promisedBy, locale);
		String carrierName = s.carrierName();
		String url = httpsLink(s.trackingUrl());
		ZoneId zone = store.getTimeZone();
		DateTimeFormatter fmt = PageDates.scanTimes(zone, locale);
		List<ScanRow> scans = s.events()
			.stream()
			.map((ScanView e) -> new ScanRow(e.occurredAt().toString(), fmt.format(e.occurredAt()),
					PersonalData.scrub(e.description()), e.location().label()))
			.toList();
		String zoneName = PageDates.zoneName(zone, locale);
		CardText text = new CardText(msg(locale, "shipment.title"), msg(locale, "order.packageOf", position, count),
				msg(locale, (summary.tone() == Tone.DONE) ? "todo.titleDone" : "todo.title"),
				msg(locale, "timeline.label"), msg(locale, "carrier.label"), msg(locale, "carrier.trackingNumber"),
				msg(locale, "a11y.opensNewTab"), msg(locale, "history.title"), msg(locale, "history.localNote"),
				msg(locale, "history.empty"));
		return new ShipmentCard(s.id().toString(), position, count, summary, carrierName, s.trackingNumber(), url,
				(url != null) ? msg(locale, "carrier.link", carrierName) : null,
				this.timeline.steps(s, summary, locale), scans, msg(locale, "history.timeNote", zoneName), text);
	}

	/** Only absolute https links are shown to shoppers. */
	static @Nullable String httpsLink(@Nullable String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private @Nullable String promised(OrderDetails order, ZoneId zone, Locale locale) {
		return (order.promisedBy() != null)
				? msg(locale, "window.promised", this.dates.date(order.promisedBy(), zone, locale)) : null;
	}

	String msg(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
