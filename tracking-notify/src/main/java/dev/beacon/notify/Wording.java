package dev.beacon.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import dev.beacon.order.OrderItem;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Brand;

/**
 * The words of one message in one language, for a {@link ChannelLayout}: a trigger's
 * fields (the variant's wording first) and any bundle text, the store's overrides before
 * the bundles, with the placeholders ({@code {name} {order} {date}}...) filled in; plus
 * the facts a layout places around them (brand, items, links).
 */
public final class Wording {

	private final MessageContext ctx;

	private final Locale locale;

	private final MessageSource bundle;

	private final Map<String, String> vars;

	Wording(MessageContext ctx, Locale locale, MessageSource bundle) {
		this.ctx = ctx;
		this.locale = locale;
		this.bundle = bundle;
		this.vars = variables();
	}

	public Locale locale() {
		return this.locale;
	}

	public Trigger trigger() {
		return this.ctx.trigger();
	}

	public Brand brand() {
		return this.ctx.brand();
	}

	public String storeName() {
		return this.ctx.storeName();
	}

	public boolean knowsFirstName() {
		return this.ctx.firstName() != null;
	}

	/** The carrier's status text, or the words quoted in help mail. */
	public @Nullable String statusText() {
		return this.ctx.statusText();
	}

	public List<OrderItem> items() {
		return this.ctx.items();
	}

	/** The signed link to the order page. */
	public String link() {
		return this.ctx.link();
	}

	public @Nullable String unsubscribeLink() {
		return this.ctx.unsubscribeLink();
	}

	/**
	 * A field of the trigger ({@link MessageRenderer#FIELDS}), preferring the variant's
	 * wording.
	 */
	public String field(String field) {
		String base = this.ctx.trigger().key();
		if (this.ctx.variant() != null) {
			String value = lookup(base + "." + this.ctx.variant() + "." + field);
			if (value != null) {
				return MessageRenderer.substitute(value, this.vars);
			}
		}
		return text(base + "." + field);
	}

	/** Any text of the bundles, e.g. {@code label.next}. */
	public String text(String key) {
		return MessageRenderer.substitute(raw(key), this.vars);
	}

	private Map<String, String> variables() {
		Map<String, String> v = new HashMap<>();
		v.put("name", (this.ctx.firstName() != null) ? this.ctx.firstName() : "");
		v.put("order", this.ctx.orderNumber());
		v.put("store", this.ctx.storeName());
		v.put("carrier", this.ctx.carrier());
		v.put("tracking", (this.ctx.trackingNumber() != null) ? this.ctx.trackingNumber() : "");
		v.put("location", (this.ctx.location() != null && !this.ctx.location().isBlank()) ? this.ctx.location()
				: raw("location.unknown"));
		v.put("status", (this.ctx.statusText() != null) ? this.ctx.statusText() : "");
		v.put("support", supportContact(this.ctx.brand()));
		v.put("item", itemLine());
		v.put("date", date(this.ctx.window()));
		v.put("lastscan", (this.ctx.lastScan() != null) ? format(this.ctx.lastScan(), "format.date") : "");
		return v;
	}

	private static String supportContact(Brand brand) {
		if (brand.supportEmail() != null) {
			return brand.supportEmail();
		}
		return (brand.supportPhone() != null) ? brand.supportPhone() : "";
	}

	private String itemLine() {
		List<OrderItem> items = this.ctx.items();
		if (items.isEmpty()) {
			return raw("item.none");
		}
		String first = items.get(0).name();
		if (items.size() == 1) {
			return first;
		}
		return MessageRenderer.substitute(raw("item.more"),
				Map.of("item", first, "count", String.valueOf(items.size() - 1)));
	}

	private String date(@Nullable DeliveryWindow window) {
		if (window == null) {
			return raw("date.unknown");
		}
		if (window.earliest().equals(window.latest())) {
			return format(window.earliest(), "format.date");
		}
		return MessageRenderer.substitute(raw("date.range"), Map.of("from", format(window.earliest(), "format.short"),
				"to", format(window.latest(), "format.short")));
	}

	private String format(LocalDate date, String patternKey) {
		return DateTimeFormatter.ofPattern(raw(patternKey), this.locale).format(date);
	}

	private String raw(String key) {
		String value = lookup(key);
		if (value == null) {
			throw new IllegalStateException("message bundle " + MessageRenderer.BUNDLE + " has no key '" + key + "'");
		}
		return value;
	}

	private @Nullable String lookup(String key) {
		String override = this.ctx.wording().get(key);
		if (override != null && !override.isBlank()) {
			return override;
		}
		return this.bundle.getMessage(key, null, null, this.locale);
	}

}
