package dev.beacon.notify;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.store.StorePrincipal;

/**
 * The calling store's notification settings over the API
 * ({@code /api/v1/notification-settings}): sender, channels per trigger, SMS quiet hours
 * and the daily cap. Answers the effective values (the instance's defaults where the
 * store set nothing); {@code PATCH} takes any subset and answers the whole settings.
 * Wording overrides are a console matter.
 */
@RestController
@RequestMapping("/api/v1/notification-settings")
class NotificationSettingsApiController {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	record Sender(@Nullable String name, @Nullable String email, @Nullable String replyTo) {
	}

	record QuietHours(@Nullable String start, @Nullable String end) {
	}

	record SettingsBody(@Nullable Sender sender, @Nullable Map<String, Map<String, Object>> triggers,
			@Nullable QuietHours quietHours, @Nullable Integer maxPerShipmentPerDay) {
	}

	record ChannelChoice(boolean email, boolean sms) {
	}

	record SettingsResponse(Sender sender, Map<String, ChannelChoice> triggers, QuietHours quietHours,
			int maxPerShipmentPerDay) {
	}

	private final NotificationManagement notifications;

	private final StoreManagement stores;

	private final NotifyProperties properties;

	NotificationSettingsApiController(NotificationManagement notifications, StoreManagement stores,
			NotifyProperties properties) {
		this.notifications = notifications;
		this.stores = stores;
		this.properties = properties;
	}

	@GetMapping
	SettingsResponse get(@AuthenticationPrincipal StorePrincipal store) {
		return response(store, this.notifications.settings(store.storeId()));
	}

	@PatchMapping
	SettingsResponse patch(@AuthenticationPrincipal StorePrincipal store, @RequestBody SettingsBody body) {
		NotificationSettings current = this.notifications.settings(store.storeId());
		Sender sender = body.sender();
		String fromName = (sender != null && sender.name() != null) ? sender.name() : current.fromName();
		String fromAddress = (sender != null && sender.email() != null) ? sender.email() : current.fromAddress();
		String replyTo = (sender != null && sender.replyTo() != null) ? sender.replyTo() : current.replyTo();
		Map<Trigger, Set<Channel>> channels = new EnumMap<>(Trigger.class);
		if (body.triggers() != null) {
			body.triggers().forEach((name, choice) -> {
				Trigger t = configurable(name);
				Set<Channel> set = EnumSet.noneOf(Channel.class);
				set.addAll(current.channels().getOrDefault(t, Set.of()));
				if (choice == null) {
					throw new NotificationException("triggers." + name, "must be an object of channels");
				}
				choice.forEach((channel, on) -> {
					String field = "triggers." + name + "." + channel;
					Channel c = switch (channel) {
						case "email" -> Channel.EMAIL;
						case "sms" -> Channel.SMS;
						default -> throw new NotificationException(field, "unknown channel (email or sms)");
					};
					if (!(on instanceof Boolean b)) {
						throw new NotificationException(field, "must be true or false");
					}
					if (b) {
						set.add(c);
					}
					else {
						set.remove(c);
					}
				});
				channels.put(t, set);
			});
		}
		LocalTime quietStart = current.quietStart();
		LocalTime quietEnd = current.quietEnd();
		if (body.quietHours() != null) {
			quietStart = (body.quietHours().start() != null) ? time("quietHours.start", body.quietHours().start())
					: (quietStart != null) ? quietStart : this.properties.quietStart();
			quietEnd = (body.quietHours().end() != null) ? time("quietHours.end", body.quietHours().end())
					: (quietEnd != null) ? quietEnd : this.properties.quietEnd();
		}
		Integer max = (body.maxPerShipmentPerDay() != null) ? body.maxPerShipmentPerDay()
				: current.maxPerShipmentPerDay();
		NotificationSettings saved = this.notifications.updateSettings(store.storeId(), new NotificationSettings(
				fromName, fromAddress, replyTo, max, channels, current.wording(), quietStart, quietEnd));
		return response(store, saved);
	}

	private static Trigger configurable(String name) {
		for (Trigger t : Trigger.values()) {
			if (t.isConfigurable() && t.key().equals(name)) {
				return t;
			}
		}
		throw new NotificationException("triggers." + name, "unknown trigger '" + name + "'");
	}

	private static LocalTime time(String field, String value) {
		try {
			return LocalTime.parse(value, HH_MM);
		}
		catch (DateTimeParseException ex) {
			throw new NotificationException(field, "must be a time of day as HH:mm, e.g. 21:00");
		}
	}

	private SettingsResponse response(StorePrincipal principal, NotificationSettings s) {
		Store store = this.stores.byId(principal.storeId()).orElseThrow();
		Map<String, ChannelChoice> triggers = new LinkedHashMap<>();
		for (Trigger t : Trigger.values()) {
			if (t.isConfigurable()) {
				Set<Channel> set = s.channels().getOrDefault(t, Set.of());
				triggers.put(t.key(), new ChannelChoice(set.contains(Channel.EMAIL), set.contains(Channel.SMS)));
			}
		}
		Sender sender = new Sender((s.fromName() != null) ? s.fromName() : store.getName(),
				(s.fromAddress() != null) ? s.fromAddress() : this.properties.emailFrom(),
				(s.replyTo() != null) ? s.replyTo() : store.getBrand().supportEmail());
		LocalTime start = (s.quietStart() != null) ? s.quietStart() : this.properties.quietStart();
		LocalTime end = (s.quietEnd() != null) ? s.quietEnd() : this.properties.quietEnd();
		int max = (s.maxPerShipmentPerDay() != null) ? s.maxPerShipmentPerDay()
				: this.properties.maxPerShipmentPerDay();
		return new SettingsResponse(sender, triggers, new QuietHours(HH_MM.format(start), HH_MM.format(end)), max);
	}

	/**
	 * Settings errors are a 422 naming the field (problem+json like the rest of the API).
	 */
	@ExceptionHandler(NotificationException.class)
	ProblemDetail invalid(NotificationException ex) {
		String field = switch (ex.field()) {
			case "fromName" -> "sender.name";
			case "fromAddress" -> "sender.email";
			case "replyTo" -> "sender.replyTo";
			default -> ex.field();
		};
		String message = ex.getMessage().replace(ex.field() + " ", field + " ");
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + message);
		p.setTitle("Invalid request");
		p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return p;
	}

}
