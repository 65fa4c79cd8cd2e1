package dev.beacon.web.page;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The read models templates render; every text is already in the shopper's language. */
final class PageModels {

	private PageModels() {
	}

	/** How a state feels, shown with an icon and words, never by colour alone. */
	enum Tone {

		OK, WARN, BAD, DONE;

		String css() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The headline of an order or shipment, what happens next and, when needed, what to
	 * do first (with the help topic that fits); the window, how sure it is in words
	 * ({@code windowSure}) and, when it slipped, why ({@code windowNote}).
	 */
	record Summary(Tone tone, String toneLabel, String headline, String next, @Nullable String todo,
			@Nullable String helpTopic, @Nullable String window, @Nullable String windowNote,
			@Nullable String windowIso, @Nullable String windowLocal, @Nullable String windowSure) {

		Summary(Tone tone, String toneLabel, String headline, String next, @Nullable String todo,
				@Nullable String helpTopic, @Nullable String window, @Nullable String windowNote,
				@Nullable String windowIso, @Nullable String windowLocal) {
			this(tone, toneLabel, headline, next, todo, helpTopic, window, windowNote, windowIso, windowLocal, null);
		}

		public String toneCss() {
			return this.tone.css();
		}

	}

	record Step(String label, String state, String stateLabel, boolean current) {
	}

	record ScanRow(String iso, String time, String description, String location) {
	}

	/**
	 * A shipment's card; {@link #html} is its markup ({@link PageHtml#card}), with a
	 * status block of its own when the page shows more than one package.
	 */
	record ShipmentCard(String id, int position, int count, Summary summary, String carrierName, String trackingNumber,
			@Nullable String carrierUrl, @Nullable String carrierLinkText, List<Step> steps, List<ScanRow> scans,
			String zoneNote, CardText text) {

		public String html(boolean multi) {
			return PageHtml.card(this, multi);
		}

	}

	/**
	 * The fixed words of a card in the shopper's language: its title alone and among
	 * several packages ("Package 1 of 2"), the title of what to do first, the headings
	 * and labels of the progress line, facts and history.
	 */
	record CardText(String title, String packageOf, String todoTitle, String timeline, String carrier,
			String trackingNumber, String opensNewTab, String history, String localNote, String empty) {
	}

	record Item(String name, int quantity) {
	}

	record OrderView(String orderNumber, String placed, Summary summary, @Nullable String packages,
			List<ShipmentCard> shipments, List<Item> items, @Nullable String shopper, @Nullable String shipTo,
			@Nullable String email) {
	}

	record StoreView(String slug, String name, @Nullable String logoUrl, @Nullable String supportEmail,
			@Nullable String supportPhone, @Nullable String supportUrl, @Nullable String helpText) {
	}

	record Language(String tag, String name, String href, boolean current) {
	}

}
