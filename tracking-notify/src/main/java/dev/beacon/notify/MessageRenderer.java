package dev.beacon.notify;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import dev.beacon.common.SupportedLocales;

/**
 * Renders messages: the wording comes from the bundles {@code i18n/notify/messages} (a
 * store's overrides first, see {@link Wording}), the layout from the channel's
 * {@link ChannelLayout} (email: the Thymeleaf templates under {@code templates/notify/};
 * SMS: GSM-7 text). Every message answers what happened, what happens next and what to
 * do, and links to the order page.
 */
@Component
public class MessageRenderer {

	public static final String BUNDLE = "i18n/notify/messages";

	static final List<Locale> SUPPORTED = SupportedLocales.ALL;

	/** The fields every trigger has (variants may override any of them). */
	static final List<String> FIELDS = List.of("subject", "headline", "happened", "next", "todo", "sms");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)\\}");

	private final ResourceBundleMessageSource bundle;

	private final Map<Channel, ChannelLayout> layouts = new EnumMap<>(Channel.class);

	MessageRenderer(List<ChannelLayout> layouts) {
		layouts.forEach((l) -> this.layouts.put(l.channel(), l));
		this.bundle = new ResourceBundleMessageSource();
		this.bundle.setBasename(BUNDLE);
		this.bundle.setDefaultEncoding("UTF-8");
		this.bundle.setFallbackToSystemLocale(false);
		this.bundle.setUseCodeAsDefaultMessage(false);
	}

	/** The supported locale closest to the shopper's, else the store's, else English. */
	public static Locale resolveLocale(@Nullable String shopper, Locale storeDefault) {
		return SupportedLocales.resolve(shopper, storeDefault);
	}

	RenderedMessage render(MessageContext ctx, Channel channel, Locale locale) {
		ChannelLayout layout = this.layouts.get(channel);
		if (layout == null) {
			throw new IllegalStateException("no layout for channel " + channel);
		}
		return layout.lay(new Wording(ctx, locale, this.bundle));
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

}
