package dev.beacon.store;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.beacon.common.Hmac;

/** Provisioning and authentication of stores. The module's API. */
@Service
public class StoreManagement {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private static final String KEY_PREFIX = "bk_";

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final Stores stores;

	private final ApiKeys apiKeys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StoreLookups lookups;

	StoreManagement(Stores stores, ApiKeys apiKeys, ApplicationEventPublisher events, Clock clock,
			StoreLookups lookups) {
		this.stores = stores;
		this.apiKeys = apiKeys;
		this.events = events;
		this.clock = clock;
		this.lookups = lookups;
	}

	@Transactional
	public ProvisionedStore provision(NewStore request) {
		return provision(request, null);
	}

	/**
	 * Creates a store and its first API key. With {@code fixedKey} (the demo's configured
	 * key) that key is registered instead of a random one.
	 */
	@Transactional
	public ProvisionedStore provision(NewStore request, @Nullable String fixedKey) {
		String name = request.name().strip();
		if (name.isEmpty() || name.length() > 120) {
			throw new InvalidStoreException("name", "name must be 1 to 120 characters", false);
		}
		String slug = (request.slug() != null) ? request.slug() : slugOf(name);
		if (!SLUG.matcher(slug).matches()) {
			throw new InvalidStoreException("slug", "slug must be 1 to 63 lowercase letters, digits or inner dashes",
					false);
		}
		if (this.stores.existsBySlug(slug)) {
			throw new InvalidStoreException("slug", "slug '" + slug + "' is taken", true);
		}
		Locale locale = parseLocale(request.defaultLocale());
		ZoneId zone = parseZone(request.timeZone());
		Store store = this.stores.save(new Store(slug, name, locale, zone, this.clock.instant()));
		IssuedKey key = (fixedKey != null) ? register(store.getId(), "default", fixedKey)
				: issueKey(store.getId(), "default");
		this.events.publishEvent(new StoreCreated(store.getId(), store.getSlug()));
		return new ProvisionedStore(store, key.plaintext());
	}

	@Transactional
	public IssuedKey issueKey(UUID storeId, String label) {
		StringBuilder key = new StringBuilder(KEY_PREFIX);
		for (int i = 0; i < 40; i++) {
			key.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return register(storeId, label, key.toString());
	}

	/**
	 * Makes a key the caller chose (at least 24 characters) valid for the store, unless
	 * it already is; used by the demo for {@code beacon.demo.api-key}.
	 * @return false when the key belongs to another store (nothing changed)
	 */
	@Transactional
	public boolean ensureKey(UUID storeId, String label, String plaintext) {
		Optional<Store> owner = authenticate(plaintext);
		if (owner.isPresent()) {
			return owner.get().getId().equals(storeId);
		}
		register(storeId, label, plaintext);
		return true;
	}

	private IssuedKey register(UUID storeId, String label, String plaintext) {
		if (plaintext.length() < 24) {
			throw new InvalidStoreException("apiKey", "an API key must be at least 24 characters", false);
		}
		ApiKey key = this.apiKeys
			.save(new ApiKey(storeId, label, plaintext.substring(0, 8), hash(plaintext), this.clock.instant()));
		return new IssuedKey(key, plaintext);
	}

	@Transactional
	public void revokeKey(UUID storeId, UUID keyId) {
		this.apiKeys.findByStoreIdAndId(storeId, keyId).ifPresent((k) -> k.revoke(this.clock.instant()));
		this.lookups.keyChanged(keyId);
	}

	@Transactional(readOnly = true)
	public List<ApiKey> keys(UUID storeId) {
		return this.apiKeys.findByStoreIdOrderByCreatedAt(storeId);
	}

	/**
	 * The store an active API key belongs to. A key found is remembered for at most
	 * {@code StoreLookups.STALENESS} (5 s): revoked here, it is refused at once; revoked
	 * on another instance, it works here for up to that long (docs/scaling.md). A key not
	 * found is looked up every time. No transaction of its own: a remembered key costs no
	 * pool checkout, a lookup reads the key and the store in a read-only one each.
	 */
	public Optional<Store> authenticate(String presentedKey) {
		return this.lookups.byKeyHash(hash(presentedKey),
				(keyHash) -> this.apiKeys.findByKeyHash(keyHash)
					.filter(ApiKey::isActive)
					.flatMap((key) -> this.stores.findById(key.getStoreId())
						.map((store) -> new StoreLookups.KeyedStore(store, key.getId()))));
	}

	@Transactional(readOnly = true)
	public Optional<Store> bySlug(String slug) {
		return this.stores.findBySlug(slug);
	}

	/**
	 * The store of a slug as it was at most {@code StoreLookups.STALENESS} (5 s) ago, for
	 * the tracking page (a change made on this instance shows at once, one made on
	 * another within that bound). Not for changing the store. Reads PostgreSQL only when
	 * no recent copy is held (and outside any transaction then).
	 */
	public Optional<Store> recentBySlug(String slug) {
		return this.lookups.bySlug(slug, this.stores::findBySlug);
	}

	/**
	 * The store as it was at most {@code StoreLookups.STALENESS} (5 s) ago, for the
	 * ingest path (slug, time zone, promise target of a status change): a change made on
	 * this instance shows at once, one made on another within that bound. Not for
	 * changing the store. Reads PostgreSQL only when no recent copy is held (in the
	 * caller's transaction, if any).
	 */
	public Optional<Store> recentById(UUID id) {
		return this.lookups.byId(id, this.stores::findById);
	}

	@Transactional(readOnly = true)
	public Optional<Store> byId(UUID id) {
		return this.stores.findById(id);
	}

	@Transactional(readOnly = true)
	public List<Store> all() {
		return this.stores.findAll();
	}

	@Transactional
	public Store updateBrand(UUID storeId, String name, Brand brand, @Nullable String locale, @Nullable String zone,
			int targetReliability) {
		Store store = this.stores.findById(storeId)
			.orElseThrow(() -> new InvalidStoreException("storeId", "no such store", false));
		if (name.isBlank()) {
			throw new InvalidStoreException("name", "name must not be blank", false);
		}
		store.rename(name.strip());
		store.rebrand(brand);
		store.localize(parseLocale(locale), parseZone(zone));
		try {
			store.targetReliability(targetReliability);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidStoreException("targetReliability", ex.getMessage(), false);
		}
		this.lookups.storeChanged(storeId);
		return store;
	}

	/**
	 * Replaces a store's settings as a whole (the API's PATCH merges the request into the
	 * current settings first). Locale and time zone are checked here; the formats of the
	 * other fields by the caller.
	 * @throws InvalidStoreException naming the field that is wrong
	 */
	@Transactional
	public Store updateSettings(UUID storeId, StoreSettings settings) {
		Store store = this.stores.findById(storeId)
			.orElseThrow(() -> new InvalidStoreException("storeId", "no such store", false));
		if (settings.name().isBlank() || settings.name().strip().length() > 120) {
			throw new InvalidStoreException("name", "name must be 1 to 120 characters", false);
		}
		if (settings.handlingDays() < 0 || settings.handlingDays() > 30) {
			throw new InvalidStoreException("shipping.handlingDays", "handlingDays must be 0 to 30", false);
		}
		store.localize(parseLocale(settings.defaultLocale()), parseZone(settings.timeZone()));
		store.rename(settings.name().strip());
		store.rebrand(settings.brand());
		store.support(settings.supportHours());
		store.shipping(settings.cutoffTime(), settings.handlingDays());
		this.lookups.storeChanged(storeId);
		return store;
	}

	static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 63) {
			slug = slug.substring(0, 63).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "store" : slug;
	}

	private static Locale parseLocale(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
			if (locale.getLanguage().isEmpty()) {
				throw new InvalidStoreException("defaultLocale",
						"defaultLocale must be a BCP 47 tag such as en or pt-BR", false);
			}
			return locale;
		}
		catch (IllformedLocaleException ex) {
			throw new InvalidStoreException("defaultLocale", "defaultLocale must be a BCP 47 tag such as en or pt-BR",
					false);
		}
	}

	private static ZoneId parseZone(@Nullable String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidStoreException("timeZone", "timeZone must be an IANA zone such as America/New_York",
					false);
		}
	}

	static String hash(String key) {
		return Hmac.sha256Hex(key);
	}

}
