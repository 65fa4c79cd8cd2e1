package dev.beacon.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.common.SupportedLocales;
import dev.beacon.order.OrderItem;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.store.Brand;

import dev.beacon.notify.sms.SmsText;

/**
 * Renders messages: wording from the bundles {@code i18n/notify/messages} (a store's
 * overrides first), laid out by the Thymeleaf templates under {@code templates/notify/}
 * with an engine of its own (the web's view resolver never sees them). Every message
 * answers what happened, what happens next and what to do, and links to the order page.
 */
@Component
public class MessageRenderer {

	public static final String BUNDLE = "i18n/notify/messages";

	static final List<Locale> SUPPORTED = SupportedLocales.ALL;

	/** The fields every trigger has (variants may override any of them). */
	static final List<String> FIELDS = List.of("subject", "headline", "happened", "next", "todo", "sms");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");

	private final SpringTemplateEngine engine;

	private final ResourceBundleMessageSource bundle;

	MessageRenderer() {
		this.engine = new SpringTemplateEngine();
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
		this.bundle = new ResourceBundleMessageSource();
		this.bundle.setBasename(BUNDLE);
		this.bundle.setDefaultEncoding("UTF-8");
		this.bundle.setFallbackToSystemLocale(false);
		this.bundle.setUseCodeAsDefaultMessage(false);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
		r.setPrefix("templates/notify/");
		r.setSuffix(suffix);
		r.setTemplateMode(mode);
		r.setCharacterEncoding("UTF-8");
		r.setCheckExistence(true);
		r.setOrder(order);
		r.setCacheable(true);
		return r;
	}

	/** The supported locale closest to the shopper's, else the store's, else English. */
	public static Locale resolveLocale(@Nullable String shopper, Locale storeDefault) {
		return SupportedLocales.resolve(shopper, storeDefault);
	}

	RenderedMessage render(MessageContext ctx, Channel channel, Locale locale) {
		Map<String, String> vars = variables(ctx, locale);
		if (channel == Channel.SMS) {
			String text = SmsText.compose(field(ctx, "sms", locale, vars), ctx.link());
			return new RenderedMessage(ctx.trigger(), channel, locale, null, text, null, SmsText.segments(text));
		}
		Context c = new Context(locale);
		Brand brand = ctx.brand();
		c.setVariable("primary", color(brand.primaryColor(), Brand.DEFAULT_PRIMARY));
		c.setVariable("accent", color(brand.accentColor(), Brand.DEFAULT_ACCENT));
		c.setVariable("logoUrl",
				(brand.logoUrl() != null && brand.logoUrl().startsWith("https://")) ? brand.logoUrl() : null);
		c.setVariable("storeName", ctx.storeName());
		c.setVariable("lang", locale.toLanguageTag());
		String subject = field(ctx, "subject", locale, vars);
		String headline = field(ctx, "headline", locale, vars);
		c.setVariable("subject", subject);
		c.setVariable("headline", headline);
		boolean staff = ctx.trigger().isStaffFacing();
		c.setVariable("greeting", staff ? text(ctx, "staff.greeting", locale, vars) : (ctx.firstName() != null)
				? text(ctx, "greeting", locale, vars) : text(ctx, "greeting.noname", locale, vars));
		// help mail quotes the words (the shopper's to the staff, the agent's to the
		// shopper)
		c.setVariable("quote", ctx.trigger().isConfigurable() ? null : ctx.statusText());
		c.setVariable("happened", field(ctx, "happened", locale, vars));
		c.setVariable("next", field(ctx, "next", locale, vars));
		c.setVariable("todo", field(ctx, "todo", locale, vars));
		c.setVariable("labelNext", text(ctx, "label.next", locale, vars));
		c.setVariable("labelTodo", text(ctx, "label.todo", locale, vars));
		c.setVariable("button", text(ctx, staff ? "staff.button" : "label.button", locale, vars));
		c.setVariable("orderLine", text(ctx, "label.order", locale, vars));
		c.setVariable("items", ctx.items());
		c.setVariable("link", ctx.link());
		c.setVariable("support", (!staff && (brand.supportEmail() != null || brand.supportPhone() != null))
				? text(ctx, "label.support", locale, vars) : null);
		c.setVariable("footer", text(ctx, staff ? "staff.footer" : "label.footer", locale, vars));
		c.setVariable("unsubscribeLink", ctx.unsubscribeLink());
		c.setVariable("unsubscribe", text(ctx, "label.unsubscribe", locale, vars));
		String html = this.engine.process("email", c);
		String text = this.engine.process("email-text", c);
		return new RenderedMessage(ctx.trigger(), channel, locale, subject, text.strip() + "\n", html, 0);
	}

	private Map<String, String> variables(MessageContext ctx, Locale locale) {
		Map<String, String> v = new HashMap<>();
		v.put("name", (ctx.firstName() != null) ? ctx.firstName() : "");
		v.put("order", ctx.orderNumber());
		v.put("store", ctx.storeName());
		v.put("carrier", ctx.carrier());
		v.put("tracking", (ctx.trackingNumber() != null) ? ctx.trackingNumber() : "");
		v.put("location", (ctx.location() != null && !ctx.location().isBlank()) ? ctx.location()
				: raw(ctx, "location.unknown", locale));
		v.put("status", (ctx.statusText() != null) ? ctx.statusText() : "");
		v.put("support", supportContact(ctx.brand()));
		v.put("item", items(ctx, locale));
		v.put("date", date(ctx, ctx.window(), locale));
		v.put("lastscan", (ctx.lastScan() != null) ? format(ctx, ctx.lastScan(), "format.date", locale) : "");
		return v;
	}

	private static String supportContact(Brand brand) {
		if (brand.supportEmail() != null) {
			return brand.supportEmail();
		}
		return (brand.supportPhone() != null) ? brand.supportPhone() : "";
	}

	private String items(MessageContext ctx, Locale locale) {
		List<OrderItem> items = ctx.items();
		if (items.isEmpty()) {
			return raw(ctx, "item.none", locale);
		}
		String first = items.get(0).name();
		if (items.size() == 1) {
			return first;
		}
		return substitute(raw(ctx, "item.more", locale),
				Map.of("item", first, "count", String.valueOf(items.size() - 1)));
	}

	private String date(MessageContext ctx, @Nullable DeliveryWindow window, Locale locale) {
		if (window == null) {
			return raw(ctx, "date.unknown", locale);
		}
		if (window.earliest().equals(window.latest())) {
			return format(ctx, window.earliest(), "format.date", locale);
		}
		return substitute(raw(ctx, "date.range", locale),
				Map.of("from", format(ctx, window.earliest(), "format.short", locale), "to",
						format(ctx, window.latest(), "format.short", locale)));
	}

	private String format(MessageContext ctx, LocalDate date, String patternKey, Locale locale) {
		return DateTimeFormatter.ofPattern(raw(ctx, patternKey, locale), locale).format(date);
	}

	/** A trigger field, preferring the variant's wording. */
	String field(MessageContext ctx, String field, Locale locale, Map<String, String> vars) {
		String base = ctx.trigger().key();
		if (ctx.variant() != null) {
			String key = base + "." + ctx.variant() + "." + field;
			String value = lookup(ctx, key, locale);
			if (value != null) {
				return substitute(value, vars);
			}
		}
		return text(ctx, base + "." + field, locale, vars);
	}

	private String text(MessageContext ctx, String key, Locale locale, Map<String, String> vars) {
		return substitute(raw(ctx, key, locale), vars);
	}

	private String raw(MessageContext ctx, String key, Locale locale) {
		String value = lookup(ctx, key, locale);
		if (value == null) {
			throw new IllegalStateException("message bundle " + BUNDLE + " has no key '" + key + "'");
		}
		return value;
	}

	private @Nullable String lookup(MessageContext ctx, String key, Locale locale) {
		String override = ctx.wording().get(key);
		if (override != null && !override.isBlank()) {
			return override;
		}
		return this.bundle.getMessage(key, null, null, locale);
	}

	boolean hasKey(String key) {
		return this.bundle.getMessage(key, null, null, Locale.ENGLISH) != null;
	}

	public static String substitute(String template, Map<String, String> vars) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String value = vars.get(m.group(1));
			m.appendReplacement(sb, Matcher.quoteReplacement((value != null) ? value : m.group()));
		}
		m.appendTail(sb);
		return sb.toString().replaceAll("\\s{2,}", " ").strip();
	}

	private static String color(@Nullable String value, String fallback) {
		return (value != null && COLOR.matcher(value).matches()) ? value : fallback;
	}

}
