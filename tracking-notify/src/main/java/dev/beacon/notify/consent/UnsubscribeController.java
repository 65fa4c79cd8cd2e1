package dev.beacon.notify.consent;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import dev.beacon.notify.MessageRenderer;
import dev.beacon.notify.ShopperPreferences;

/**
 * One-click unsubscribe from optional news. GET only shows a confirmation page (link
 * scanners prefetch URLs, so a GET never unsubscribes); POST, from the page's button or
 * from a mail client per RFC 8058 ({@code List-Unsubscribe=One-Click}), does it. The
 * token is signed; no login, no cookies.
 */
@RestController
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final Consents consents;

	private final StoreManagement stores;

	private final Clock clock;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

	UnsubscribeController(UnsubscribeTokens tokens, Consents consents, StoreManagement stores, Clock clock) {
		this.tokens = tokens;
		this.consents = consents;
		this.stores = stores;
		this.clock = clock;
		ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
		r.setPrefix("templates/notify/");
		r.setSuffix(".html");
		r.setTemplateMode(TemplateMode.HTML);
		r.setCharacterEncoding("UTF-8");
		this.engine.setTemplateResolver(r);
		this.bundle.setBasename(MessageRenderer.BUNDLE);
		this.bundle.setDefaultEncoding("UTF-8");
		this.bundle.setFallbackToSystemLocale(false);
	}

	@GetMapping(path = "/notifications/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@PathVariable String token) {
		return page(token, false);
	}

	@PostMapping(path = "/notifications/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
	@Transactional
	ResponseEntity<String> unsubscribe(@PathVariable String token) {
		return page(token, true);
	}

	private ResponseEntity<String> page(String token, boolean apply) {
		UnsubscribeTokens.Subject subject = this.tokens.verify(token).orElse(null);
		Store store = (subject != null) ? this.stores.byId(subject.storeId()).orElse(null) : null;
		Locale locale = (store != null) ? MessageRenderer.resolveLocale(null, store.getDefaultLocale())
				: Locale.ENGLISH;
		Context c = new Context(locale);
		c.setVariable("lang", locale.toLanguageTag());
		c.setVariable("title", text("unsubscribe.title", locale, Map.of()));
		if (subject == null || store == null) {
			c.setVariable("message", text("unsubscribe.invalid", locale, Map.of()));
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_HTML)
				.body(this.engine.process("unsubscribe", c));
		}
		Map<String, String> vars = Map.of("store", store.getName(), "email", subject.email());
		if (apply) {
			ShopperPreferences p = this.consents.preferences(store.getId(), subject.email());
			this.consents.savePreferences(store.getId(), subject.email(),
					new ShopperPreferences(p.email(), p.sms(), false), this.clock.instant());
			c.setVariable("message", text("unsubscribe.done", locale, vars));
		}
		else {
			c.setVariable("message", text("unsubscribe.confirm", locale, vars));
			c.setVariable("button", text("unsubscribe.button", locale, vars));
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(this.engine.process("unsubscribe", c));
	}

	private String text(String key, Locale locale, Map<String, String> vars) {
		return MessageRenderer.substitute(this.bundle.getMessage(key, null, key, locale), vars);
	}

}
