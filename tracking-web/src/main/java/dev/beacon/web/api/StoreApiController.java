package dev.beacon.web.api;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.beacon.store.Brand;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.store.StorePrincipal;
import dev.beacon.store.StoreSettings;

/**
 * The calling store's own settings (for infrastructure as code): {@code GET} answers
 * them, {@code PATCH} changes any subset (a JSON {@code null} clears an optional field)
 * and answers the whole settings. A wrong field is a 400 problem naming it
 * ({@code brand.primaryColor}).
 */
@RestController
@RequestMapping("/api/v1/store")
@Tag(name = "Store settings")
class StoreApiController {

	private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]+");

	private static final Map<String, Set<String>> FIELDS = Map.of("brand",
			Set.of("logoUrl", "primaryColor", "accentColor"), "support", Set.of("email", "phone", "url", "hours"),
			"shipping", Set.of("cutoffTime", "handlingDays"));

	private static final Set<String> TOP = Set.of("name", "defaultLocale", "timeZone", "brand", "support", "shipping");

	private final StoreManagement stores;

	StoreApiController(StoreManagement stores) {
		this.stores = stores;
	}

	@GetMapping
	@Operation(summary = "The calling store's settings")
	Map<String, Object> get(@AuthenticationPrincipal StorePrincipal principal) {
		return view(this.stores.byId(principal.storeId()).orElseThrow(ApiNotFound::new));
	}

	@PatchMapping
	@Operation(summary = "Change any subset of the calling store's settings; answers the whole settings")
	Map<String, Object> patch(@AuthenticationPrincipal StorePrincipal principal,
			@RequestBody Map<String, @Nullable Object> body) {
		Store store = this.stores.byId(principal.storeId()).orElseThrow(ApiNotFound::new);
		StoreSettings s = StoreSettings.of(store);
		Brand b = s.brand();
		for (String key : body.keySet()) {
			if (!TOP.contains(key)) {
				throw new ApiInputException(key, "unknown field");
			}
		}
		String name = body.containsKey("name") ? required(body, "name", "name", 120) : s.name();
		String locale = body.containsKey("defaultLocale") ? required(body, "defaultLocale", "defaultLocale", 35)
				: s.defaultLocale();
		String zone = body.containsKey("timeZone") ? required(body, "timeZone", "timeZone", 64) : s.timeZone();
		Map<String, @Nullable Object> brand = section(body, "brand");
		String logoUrl = brand.containsKey("logoUrl") ? optional(brand, "logoUrl", "brand.logoUrl", 500) : b.logoUrl();
		if (brand.containsKey("logoUrl") && logoUrl != null && !logoUrl.matches("https://\\S+")) {
			throw new ApiInputException("brand.logoUrl", "must be an https:// address");
		}
		String primary = brand.containsKey("primaryColor") ? color(brand, "primaryColor") : b.primaryColor();
		String accent = brand.containsKey("accentColor") ? color(brand, "accentColor") : b.accentColor();
		Map<String, @Nullable Object> support = section(body, "support");
		String email = support.containsKey("email") ? optional(support, "email", "support.email", 254)
				: b.supportEmail();
		if (support.containsKey("email") && email != null && !EMAIL.matcher(email).matches()) {
			throw new ApiInputException("support.email", "must be an email address");
		}
		String phone = support.containsKey("phone") ? optional(support, "phone", "support.phone", 40)
				: b.supportPhone();
		String url = support.containsKey("url") ? optional(support, "url", "support.url", 500) : b.supportUrl();
		if (support.containsKey("url") && url != null && !url.matches("https?://\\S+")) {
			throw new ApiInputException("support.url", "must be an http(s):// address");
		}
		String hours = support.containsKey("hours") ? optional(support, "hours", "support.hours", 200)
				: s.supportHours();
		Map<String, @Nullable Object> shipping = section(body, "shipping");
		LocalTime cutoff = shipping.containsKey("cutoffTime") ? cutoff(shipping.get("cutoffTime")) : s.cutoffTime();
		int handling = shipping.containsKey("handlingDays") ? handlingDays(shipping.get("handlingDays"))
				: s.handlingDays();
		Brand changed = new Brand(logoUrl, primary, accent, email, phone, url, b.helpText());
		Store updated = this.stores.updateSettings(store.getId(),
				new StoreSettings(name, locale, zone, changed, hours, cutoff, handling));
		return view(updated);
	}

	static Map<String, Object> view(Store store) {
		Brand b = store.getBrand();
		Map<String, @Nullable Object> brand = new LinkedHashMap<>();
		brand.put("logoUrl", b.logoUrl());
		brand.put("primaryColor", b.primaryColor());
		brand.put("accentColor", b.accentColor());
		Map<String, @Nullable Object> support = new LinkedHashMap<>();
		support.put("email", b.supportEmail());
		support.put("phone", b.supportPhone());
		support.put("url", b.supportUrl());
		support.put("hours", store.getSupportHours());
		Map<String, Object> shipping = new LinkedHashMap<>();
		shipping.put("cutoffTime", store.getShippingCutoffTime().format(DateTimeFormatter.ofPattern("HH:mm")));
		shipping.put("handlingDays", store.getShippingHandlingDays());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", store.getId());
		view.put("slug", store.getSlug());
		view.put("name", store.getName());
		view.put("defaultLocale", store.getDefaultLocale().toLanguageTag());
		view.put("timeZone", store.getTimeZone().getId());
		view.put("brand", brand);
		view.put("support", support);
		view.put("shipping", shipping);
		return view;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> section(Map<String, @Nullable Object> body, String name) {
		if (!body.containsKey(name)) {
			return Map.of();
		}
		if (!(body.get(name) instanceof Map<?, ?> map)) {
			throw new ApiInputException(name, "must be an object");
		}
		for (Object key : map.keySet()) {
			if (!FIELDS.get(name).contains(key)) {
				throw new ApiInputException(name + "." + key, "unknown field");
			}
		}
		return (Map<String, @Nullable Object>) map;
	}

	private static String required(Map<String, @Nullable Object> map, String key, String field, int max) {
		String value = optional(map, key, field, max);
		if (value == null) {
			throw new ApiInputException(field, "must not be blank");
		}
		return value;
	}

	private static @Nullable String optional(Map<String, @Nullable Object> map, String key, String field, int max) {
		Object value = map.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new ApiInputException(field, "must be a string");
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new ApiInputException(field, "must be at most " + max + " characters");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	private static String color(Map<String, @Nullable Object> brand, String key) {
		Object value = brand.get(key);
		if (!(value instanceof String text) || !HEX.matcher(text.strip()).matches()) {
			throw new ApiInputException("brand." + key, "must be a colour like #1d4ed8");
		}
		return text.strip();
	}

	private static LocalTime cutoff(@Nullable Object value) {
		if (value instanceof String text && text.strip().matches("\\d{2}:\\d{2}")) {
			try {
				return LocalTime.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw new ApiInputException("shipping.cutoffTime", "must be a local time like 14:00");
	}

	private static int handlingDays(@Nullable Object value) {
		if (value instanceof Integer days && days >= 0 && days <= 30) {
			return days;
		}
		throw new ApiInputException("shipping.handlingDays", "must be a whole number from 0 to 30");
	}

}
