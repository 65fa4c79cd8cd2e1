package dev.beacon.web.page;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed-proof counters in PostgreSQL, with a tiny global ceiling: counted before the
 * check, refunded on success, keyed by order and client.
 */
class ProofLimitsTests extends PageTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	ProofLimits limits;

	final UUID store = UUID.randomUUID();

	@BeforeEach
	void aFreshGlobalWindowWithACeilingOfTwo() {
		this.jdbc.update("delete from page_proof_failures where key = 'global'");
		this.limits = new ProofLimits(this.jdbc,
				new PageSettings(10, 200, 5, Duration.ofMinutes(15), 120, Duration.ofHours(2), Duration.ZERO, 2));
	}

	@Test
	void aboveTheGlobalCeilingOnlyAClientsFirstTryOfAnOrderRuns() {
		assertThat(this.limits.take(this.store, "A-1", "198.51.100.1").waitSeconds()).isZero();
		assertThat(this.limits.take(this.store, "A-1", "198.51.100.1").waitSeconds()).isZero();
		// third failure anywhere: over the ceiling, this client already failed on this
		// order
		assertThat(this.limits.take(this.store, "A-1", "198.51.100.1").waitSeconds()).isPositive();
		// a client that has not failed on an order still gets its try
		assertThat(this.limits.take(this.store, "B-2", "198.51.100.2").waitSeconds()).isZero();
		assertThat(this.limits.take(this.store, "a-1", "198.51.100.9").waitSeconds()).isZero();
	}

	@Test
	void aRightProofGivesItsCountBack() {
		for (int i = 0; i < 10; i++) {
			ProofLimits.Try taken = this.limits.take(this.store, "C-3", "198.51.100.3");
			assertThat(taken.waitSeconds()).isZero();
			this.limits.refund(taken);
		}
		Integer failures = this.jdbc.queryForObject("select failures from page_proof_failures where key = ?",
				Integer.class, "order|" + this.store + "|C-3|198.51.100.3");
		assertThat(failures).isZero();
	}

	@Test
	void theCountIsTakenBeforeTheCheckSoTheSixthTryIsRefusedWhateverItCarries() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.limits.take(this.store, "D-4", "198.51.100.4").waitSeconds()).isZero();
			// each of these failed: no refund
			this.jdbc.update("delete from page_proof_failures where key = 'global'");
		}
		ProofLimits.Try sixth = this.limits.take(this.store, "D-4", "198.51.100.4");
		assertThat(sixth.waitSeconds()).isBetween(1L, Duration.ofMinutes(15).toSeconds());
	}

}
