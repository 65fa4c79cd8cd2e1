package dev.beacon.admin.console;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.beacon.admin.ConsoleAccess;
import dev.beacon.admin.ConsolePage;
import dev.beacon.common.SupportedLocales;
import dev.beacon.notify.Channel;
import dev.beacon.notify.NotificationException;
import dev.beacon.notify.NotificationManagement;
import dev.beacon.notify.NotificationSettings;
import dev.beacon.notify.RenderedMessage;
import dev.beacon.notify.TestMessages;
import dev.beacon.notify.Trigger;
import dev.beacon.store.Store;

/**
 * A store's notifications in the console (ADMIN, under {@code /console/admin/**}): the
 * same settings as {@code /api/v1/notification-settings}, per-language wording overrides,
 * a preview of every message (email HTML and text, SMS) in every language, and "send me a
 * test" to the signed-in user's own address.
 */
@Controller
class NotificationSettingsController implements ConsolePage {

	private final ConsoleAccess access;

	private final NotificationManagement notifications;

	private final TestMessages tests;

	NotificationSettingsController(ConsoleAccess access, NotificationManagement notifications, TestMessages tests) {
		this.access = access;
		this.notifications = notifications;
		this.tests = tests;
	}

	@GetMapping("/console/admin/stores/{id}/notifications")
	String page(@PathVariable UUID id, @RequestParam(defaultValue = "shipped") String kind,
			@RequestParam(defaultValue = "") String lang, Model model) {
		Store store = this.access.requireStore(id);
		NotificationSettings s = this.notifications.settings(id);
		String chosen = this.tests.kinds().contains(kind) ? kind : "shipped";
		Locale locale = lang.isBlank() ? store.getDefaultLocale() : SupportedLocales.resolve(lang, Locale.ENGLISH);
		List<Trigger> triggers = List.of(Trigger.values()).stream().filter(Trigger::isConfigurable).toList();
		Map<String, Boolean> email = new LinkedHashMap<>();
		Map<String, Boolean> sms = new LinkedHashMap<>();
		for (Trigger t : triggers) {
			Set<Channel> set = s.channels().getOrDefault(t, Set.of());
			email.put(t.key(), set.contains(Channel.EMAIL));
			sms.put(t.key(), set.contains(Channel.SMS));
		}
		StringBuilder wording = new StringBuilder();
		s.wording().forEach((k, v) -> wording.append(k).append(" = ").append(v).append('\n'));
		model.addAttribute("store", store);
		model.addAttribute("settings", s);
		model.addAttribute("triggers", triggers.stream().map(Trigger::key).toList());
		model.addAttribute("email", email);
		model.addAttribute("sms", sms);
		model.addAttribute("wording", wording.toString());
		model.addAttribute("kinds", this.tests.kinds());
		model.addAttribute("kind", chosen);
		model.addAttribute("locales", SupportedLocales.ALL.stream().map(Locale::toLanguageTag).toList());
		model.addAttribute("lang", locale.toLanguageTag());
		RenderedMessage mail = this.notifications.preview(id, chosen, "email", locale);
		model.addAttribute("previewSubject", mail.subject());
		model.addAttribute("previewHtml", mail.html());
		model.addAttribute("previewText", mail.text());
		RenderedMessage text = this.notifications.preview(id, chosen, "sms", locale);
		model.addAttribute("previewSms", text.text());
		model.addAttribute("previewSegments", text.smsSegments());
		model.addAttribute("testAddress", this.access.principal().getUsername());
		return "console/notifications";
	}

	@PostMapping("/console/admin/stores/{id}/notifications")
	String save(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
		this.access.requireStore(id);
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(Trigger.class);
		for (Trigger t : Trigger.values()) {
			if (t.isConfigurable()) {
				Set<Channel> set = EnumSet.noneOf(Channel.class);
				if (form.containsKey("email." + t.key())) {
					set.add(Channel.EMAIL);
				}
				if (form.containsKey("sms." + t.key())) {
					set.add(Channel.SMS);
				}
				channels.put(t, set);
			}
		}
		try {
			Map<String, String> wording = new LinkedHashMap<>();
			for (String line : form.getOrDefault("wording", "").split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				int eq = line.indexOf('=');
				if (eq < 1) {
					throw new NotificationException("wording",
							"each wording line is <locale>:<key> = text, e.g. en:shipped.headline = On its way!");
				}
				wording.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
			String max = form.getOrDefault("maxPerShipmentPerDay", "").strip();
			this.notifications.updateSettings(id,
					new NotificationSettings(form.get("fromName"), form.get("fromAddress"), form.get("replyTo"),
							max.isEmpty() ? null : parseInt(max), channels, wording, time(form.get("quietStart")),
							time(form.get("quietEnd"))));
			flash.addFlashAttribute("flash", "Notification settings saved; they apply to the next message.");
		}
		catch (NotificationException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/console/admin/stores/" + id + "/notifications";
	}

	@PostMapping("/console/admin/stores/{id}/notifications/test")
	String test(@PathVariable UUID id, @RequestParam String kind, @RequestParam String lang, RedirectAttributes flash) {
		this.access.requireStore(id);
		try {
			String outcome = this.tests.sendTest(id, kind, SupportedLocales.resolve(lang, Locale.ENGLISH),
					this.access.principal().getUsername());
			flash.addFlashAttribute("flash", outcome);
		}
		catch (NotificationException ex) {
			flash.addFlashAttribute("error", "Not sent: " + ex.getMessage() + ".");
		}
		return "redirect:/console/admin/stores/" + id + "/notifications?kind=" + kind + "&lang=" + lang;
	}

	private static int parseInt(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new NotificationException("maxPerShipmentPerDay", "the daily cap must be a number from 1 to 20");
		}
	}

	private static @Nullable LocalTime time(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new NotificationException("quietHours", "quiet hours are times of day such as 21:00");
		}
	}

}
