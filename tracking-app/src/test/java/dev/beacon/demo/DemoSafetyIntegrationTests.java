package dev.beacon.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

import dev.beacon.BeaconIntegrationTest;
import dev.beacon.admin.ConsoleUser;
import dev.beacon.admin.ConsoleUserManagement;
import dev.beacon.admin.Role;
import dev.beacon.imports.ImportJobs;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.NewStore;
import dev.beacon.store.StoreManagement;
import dev.beacon.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Demo mode switched on against a real database changes nothing: it refuses a database
 * that holds other stores, and never changes an existing console user's password.
 */
@BeaconIntegrationTest
class DemoSafetyIntegrationTests {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	TrackingLinks links;

	@Autowired
	ConsoleUserManagement users;

	@Autowired
	ImportJobs imports;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void demoModeRefusesADatabaseWithOtherStoresAndCreatesNothing() {
		this.stores.provision(new NewStore("Real", TestStores.uniqueSlug("real"), null, null));
		assertThatThrownBy(() -> demo().run(new DefaultApplicationArguments()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("Demo mode refuses this database: it holds stores other than the demo's (");
		assertThat(this.stores.bySlug(DemoData.SLUG)).isEmpty();
	}

	@Test
	void anExistingUserKeepsItsPassword() {
		UUID store = this.stores.provision(new NewStore("Demo-ish", TestStores.uniqueSlug("demoish"), null, null))
			.store()
			.getId();
		UUID real = this.stores.provision(new NewStore("Real", TestStores.uniqueSlug("real"), null, null))
			.store()
			.getId();
		String username = TestStores.uniqueSlug("admin");
		ConsoleUser user = this.users.createUser(username, "Real admin", "the real admin password", Role.ADMIN,
				Set.of(real));
		String hash = hash(user.id());
		assertThat(demo().ensureUser(username, Role.ADMIN, "printed demo password", store)).isFalse();
		assertThat(hash(user.id())).isEqualTo(hash);
		assertThat(this.users.storeIds(user.id())).containsExactlyInAnyOrder(real, store);
		String fresh = TestStores.uniqueSlug("agent");
		assertThat(demo().ensureUser(fresh, Role.AGENT, "printed demo password", store)).isTrue();
		assertThat(this.users.byUsername(fresh)).isPresent();
		// the demo creates one user per role; an OPERATOR is bound to no store (it sees
		// all)
		String operator = TestStores.uniqueSlug("operator");
		assertThat(demo().ensureUser(operator, Role.OPERATOR, "printed demo password", store)).isTrue();
		assertThat(this.users.storeIds(this.users.byUsername(operator).orElseThrow().id())).isEmpty();
		assertThat(demo().ensureUser(operator, Role.OPERATOR, "printed demo password", store)).isFalse();
	}

	private String hash(UUID userId) {
		return this.jdbc.queryForObject("select password_hash from console_users where id = ?", String.class, userId);
	}

	private DemoData demo() {
		return new DemoData(this.stores, this.orders, this.shipments, this.links,
				new DemoSettings(true, null, null, Duration.ZERO), this.users, this.imports, this.scheduler, 1,
				this.clock);
	}

}
