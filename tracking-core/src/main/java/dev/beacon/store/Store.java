package dev.beacon.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A store (tenant). Brand, language and calendar for everything shown to its shoppers.
 */
@Entity
@Table(name = "stores")
public class Store {

	@Id
	private UUID id;

	private String slug;

	private String name;

	@Embedded
	private Brand brand;

	@Column(name = "default_locale")
	private String defaultLocale;

	@Column(name = "time_zone")
	private String timeZone;

	/**
	 * Share of promises the store wants kept, in percent (the promise engine's target).
	 */
	@Column(name = "target_reliability")
	private int targetReliability;

	@Column(name = "created_at")
	private Instant createdAt;

	/** When support answers, as the store words it (e.g. "Mon-Fri 9:00-17:00 ET"). */
	@Column(name = "support_hours")
	private @Nullable String supportHours;

	/** Orders placed before this local time ship the same business day. */
	@Column(name = "shipping_cutoff_time")
	private LocalTime shippingCutoffTime = DEFAULT_CUTOFF;

	/** Business days between an order and its hand-over to the carrier. */
	@Column(name = "shipping_handling_days")
	private int shippingHandlingDays = DEFAULT_HANDLING_DAYS;

	@Version
	private @Nullable Long version;

	public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(14, 0);

	public static final int DEFAULT_HANDLING_DAYS = 1;

	protected Store() {
	}

	Store(String slug, String name, Locale locale, ZoneId zone, Instant now) {
		this.id = UUID.randomUUID();
		this.slug = slug;
		this.name = name;
		this.brand = Brand.defaults();
		this.defaultLocale = locale.toLanguageTag();
		this.timeZone = zone.getId();
		this.targetReliability = 90;
		this.createdAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public Brand getBrand() {
		return (this.brand != null) ? this.brand : Brand.defaults();
	}

	public Locale getDefaultLocale() {
		return Locale.forLanguageTag(this.defaultLocale);
	}

	public ZoneId getTimeZone() {
		return ZoneId.of(this.timeZone);
	}

	public int getTargetReliability() {
		return this.targetReliability;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable String getSupportHours() {
		return this.supportHours;
	}

	public LocalTime getShippingCutoffTime() {
		return this.shippingCutoffTime;
	}

	public int getShippingHandlingDays() {
		return this.shippingHandlingDays;
	}

	void support(@Nullable String hours) {
		this.supportHours = hours;
	}

	void shipping(LocalTime cutoff, int handlingDays) {
		this.shippingCutoffTime = cutoff;
		this.shippingHandlingDays = handlingDays;
	}

	void rename(String name) {
		this.name = name;
	}

	void rebrand(Brand brand) {
		this.brand = brand;
	}

	void localize(Locale locale, ZoneId zone) {
		this.defaultLocale = locale.toLanguageTag();
		this.timeZone = zone.getId();
	}

	void targetReliability(int percent) {
		if (percent < 50 || percent > 99) {
			throw new IllegalArgumentException("target reliability must be between 50 and 99 percent");
		}
		this.targetReliability = percent;
	}

}
