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

	record ShipmentCard(String id, int position, int count, Summary summary, String carrierName, String trackingNumber,
			@Nullable String carrierUrl, @Nullable String carrierLinkText, List<Step> steps, List<ScanRow> scans,
			String zoneNote) {

		/** The progress steps as list items ({@link PageHtml#steps}). */
		public String stepsHtml() {
			return PageHtml.steps(this.steps);
		}

		/** The scan history as list items ({@link PageHtml#scans}). */
		public String scansHtml() {
			return PageHtml.scans(this.scans);
		}

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
