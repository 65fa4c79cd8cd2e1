package dev.beacon.store;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class StoreManagementIntegrationTests {

	@Autowired
	StoreManagement stores;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void keysAreStoredHashedAuthenticateAndCanBeRevoked() {
		String slug = TestStores.uniqueSlug("keys");
		ProvisionedStore p = this.stores.provision(new NewStore("Keys & Co", slug, "de-DE", "Europe/Berlin"));
		assertThat(p.apiKey()).startsWith("bk_").hasSizeGreaterThan(40);
		assertThat(p.store().getDefaultLocale().toLanguageTag()).isEqualTo("de-DE");
		Integer plain = this.jdbc.queryForObject("select count(*) from api_keys where key_hash = ? or prefix = ?",
				Integer.class, p.apiKey(), p.apiKey());
		assertThat(plain).isZero();
		assertThat(this.stores.authenticate(p.apiKey())).map(Store::getSlug).contains(slug);
		assertThat(this.stores.authenticate(p.apiKey() + "x")).isEmpty();
		ApiKey key = this.stores.keys(p.store().getId()).get(0);
		this.stores.revokeKey(p.store().getId(), key.getId());
		assertThat(this.stores.authenticate(p.apiKey())).isEmpty();
	}

	@Test
	void slugsAreDerivedValidatedAndUnique() {
		assertThat(StoreManagement.slugOf("Café Olé  Shop!")).isEqualTo("cafe-ole-shop");
		String slug = TestStores.uniqueSlug("dup");
		this.stores.provision(new NewStore("A", slug, null, null));
		assertThatThrownBy(() -> this.stores.provision(new NewStore("B", slug, null, null)))
			.isInstanceOfSatisfying(InvalidStoreException.class, (e) -> assertThat(e.isConflict()).isTrue());
		assertThatThrownBy(() -> this.stores.provision(new NewStore("B", "Bad Slug", null, null)))
			.isInstanceOfSatisfying(InvalidStoreException.class, (e) -> assertThat(e.field()).isEqualTo("slug"));
		assertThatThrownBy(() -> this.stores.provision(new NewStore("B", null, null, "Mars/Olympus")))
			.isInstanceOfSatisfying(InvalidStoreException.class, (e) -> assertThat(e.field()).isEqualTo("timeZone"));
	}

	@Test
	void aChosenKeyIsRegisteredOnceAndNeverTakenFromAnotherStore() {
		String slug = TestStores.uniqueSlug("chosen");
		ProvisionedStore p = this.stores.provision(new NewStore("Chosen", slug, null, null));
		ProvisionedStore other = this.stores
			.provision(new NewStore("Other", TestStores.uniqueSlug("chosen-other"), null, null));
		String chosen = "bk_chosen-key-for-the-demo-" + slug;
		assertThat(this.stores.authenticate(chosen)).isEmpty();
		assertThat(this.stores.ensureKey(p.store().getId(), "configured", chosen)).isTrue();
		assertThat(this.stores.authenticate(chosen)).get().extracting(Store::getId).isEqualTo(p.store().getId());
		assertThat(this.stores.ensureKey(p.store().getId(), "configured", chosen)).isTrue();
		assertThat(this.stores.keys(p.store().getId())).hasSize(2);
		assertThat(this.stores.ensureKey(other.store().getId(), "configured", chosen)).isFalse();
		assertThat(this.stores.authenticate(chosen)).get().extracting(Store::getId).isEqualTo(p.store().getId());
	}

	@Test
	void aRecentStoreCopyIsDroppedAtOnceWhenTheStoreOrItsKeyChangesHere() {
		String slug = TestStores.uniqueSlug("recent");
		ProvisionedStore p = this.stores.provision(new NewStore("Recent", slug, "en", "UTC"));
		assertThat(this.stores.recentBySlug(slug)).map(Store::getName).contains("Recent");
		assertThat(this.stores.authenticate(p.apiKey())).map(Store::getName).contains("Recent");

		this.stores.updateBrand(p.store().getId(), "Renamed", p.store().getBrand(), "en", "UTC", 95);
		assertThat(this.stores.recentBySlug(slug)).map(Store::getName).contains("Renamed");
		assertThat(this.stores.authenticate(p.apiKey())).map(Store::getName).contains("Renamed");

		this.stores.revokeKey(p.store().getId(), this.stores.keys(p.store().getId()).get(0).getId());
		assertThat(this.stores.authenticate(p.apiKey())).isEmpty();
		assertThat(this.stores.recentBySlug("no-such-" + slug)).isEmpty();
	}

}
