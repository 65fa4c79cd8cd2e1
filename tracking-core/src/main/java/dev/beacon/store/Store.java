package dev.beacon.store;

import java.time.Instant;
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

	@Version
	private @Nullable Long version;

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
