package dev.beacon.notify.email;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

import dev.beacon.store.Brand;

import dev.beacon.notify.Channel;
import dev.beacon.notify.ChannelLayout;
import dev.beacon.notify.RenderedMessage;
import dev.beacon.notify.Wording;

/**
 * Email layout: the store's brand (colours checked, logo only over https) around the
 * message's wording, as HTML ({@code templates/notify/email.html}) and plain text
 * ({@code email-text.txt}), rendered by a Thymeleaf engine of its own (not a bean, so the
 * web's view resolver never sees these templates).
 */
@Component
public class EmailLayout implements ChannelLayout {

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}");

	private final SpringTemplateEngine engine;

	public EmailLayout() {
		this.engine = new SpringTemplateEngine();
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
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

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public RenderedMessage lay(Wording w) {
		Context c = new Context(w.locale());
		Brand brand = w.brand();
		c.setVariable("primary", color(brand.primaryColor(), Brand.DEFAULT_PRIMARY));
		c.setVariable("accent", color(brand.accentColor(), Brand.DEFAULT_ACCENT));
		c.setVariable("logoUrl",
				(brand.logoUrl() != null && brand.logoUrl().startsWith("https://")) ? brand.logoUrl() : null);
		c.setVariable("storeName", w.storeName());
		c.setVariable("lang", w.locale().toLanguageTag());
		String subject = w.field("subject");
		c.setVariable("subject", subject);
		c.setVariable("headline", w.field("headline"));
		boolean staff = w.trigger().isStaffFacing();
		c.setVariable("greeting",
				staff ? w.text("staff.greeting") : w.knowsFirstName() ? w.text("greeting") : w.text("greeting.noname"));
		// help mail quotes the words (the shopper's to the staff, the agent's to the
		// shopper)
		c.setVariable("quote", w.trigger().isConfigurable() ? null : w.statusText());
		c.setVariable("happened", w.field("happened"));
		c.setVariable("next", w.field("next"));
		c.setVariable("todo", w.field("todo"));
		c.setVariable("labelNext", w.text("label.next"));
		c.setVariable("labelTodo", w.text("label.todo"));
		c.setVariable("button", w.text(staff ? "staff.button" : "label.button"));
		c.setVariable("orderLine", w.text("label.order"));
		c.setVariable("items", w.items());
		c.setVariable("link", w.link());
		c.setVariable("support", (!staff && (brand.supportEmail() != null || brand.supportPhone() != null))
				? w.text("label.support") : null);
		c.setVariable("footer", w.text(staff ? "staff.footer" : "label.footer"));
		c.setVariable("unsubscribeLink", w.unsubscribeLink());
		c.setVariable("unsubscribe", w.text("label.unsubscribe"));
		String html = this.engine.process("email", c);
		String text = this.engine.process("email-text", c);
		return new RenderedMessage(w.trigger(), Channel.EMAIL, w.locale(), subject, text.strip() + "\n", html, 0);
	}

	private static String color(@Nullable String value, String fallback) {
		return (value != null && COLOR.matcher(value).matches()) ? value : fallback;
	}

}
