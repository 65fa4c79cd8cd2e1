package dev.beacon.web.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Proof of ownership and client keys, without Spring. */
class OrderProofTests {

	final Object order = new Object();

	@Test
	void theEmailOrThePostalCodeProveTheOrderWhateverTheirSpelling() {
		assertThat(OrderProof.proves(this.order, " ANA@Example.com ", "ana@example.com", "38103")).isTrue();
		assertThat(OrderProof.proves(this.order, "381 03", "ana@example.com", "38103")).isTrue();
		assertThat(OrderProof.proves(this.order, "sw1a-1aa", null, "SW1A 1AA")).isTrue();
	}

	@Test
	void nothingElseDoes() {
		assertThat(OrderProof.proves(this.order, "eve@example.com", "ana@example.com", "38103")).isFalse();
		assertThat(OrderProof.proves(this.order, "38", "ana@example.com", "38")).isFalse();
		assertThat(OrderProof.proves(this.order, "", null, null)).isFalse();
		// no order: the same comparisons run, and never prove anything
		assertThat(OrderProof.proves(null, "ana@example.com", "ana@example.com", "38103")).isFalse();
	}

	@Test
	void clientsAreIpv4AddressesOrIpv6Slash64s() {
		assertThat(ClientKeys.of("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(ClientKeys.of("2001:db8:1:2::1")).isEqualTo(ClientKeys.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
			.isEqualTo("20010db800010002::/64");
		assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(ClientKeys.of("2001:db8:1:2::1"));
		assertThat(ClientKeys.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

}
