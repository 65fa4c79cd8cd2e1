package dev.beacon.common;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every spelling of a non-public address is refused; public ones pass. */
class OutboundAddressPolicyTests {

	final OutboundAddressPolicy strict = OutboundAddressPolicy.of(false);

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1", "2130706433", "0x7f000001", "0x7F.1", "0177.0.0.1", "017700000001",
			"127.0.0.1.", "localhost", "LOCALHOST", "localhost.", "[::1]", "::1", "0.0.0.0", "0", "0.1.2.3", "[::]",
			"10.0.0.12", "10.255.255.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.100.100.200",
			"169.254.169.254", "169.254.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
			"[fe80::1]", "[fc00::1]", "[fd00:ec2::254]", "[ff02::1]", "[fec0::1]", "[::ffff:127.0.0.1]",
			"[::ffff:7f00:1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[::127.0.0.1]", "[64:ff9b::a00:1]",
			"[2002:7f00:1::]", "[2001:db8::1]", "198.18.0.1", "192.0.2.1" })
	void refusesNonPublicAddressesInEverySpelling(String host) {
		assertThat(this.strict.refusal(host)).as(host).isEqualTo("points to a non-public address");
		assertThatExceptionOfType(UnknownHostException.class).as(host).isThrownBy(() -> this.strict.resolve(host));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]",
			"[::ffff:8.8.8.8]", "[2002:808:808::]" })
	void acceptsPublicAddresses(String host) throws UnknownHostException {
		assertThat(this.strict.refusal(host)).as(host).isNull();
		assertThat(this.strict.resolve(host)).as(host).hasSize(1);
	}

	@Test
	void numericSpellingsAreReadAsTheAddressTheySpell() throws UnknownHostException {
		byte[] loopback = { 127, 0, 0, 1 };
		for (String spelling : new String[] { "2130706433", "0x7f000001", "127.1", "0177.0.0.1", "127.0.1" }) {
			InetAddress a = OutboundAddressPolicy.numericIpv4(spelling);
			assertThat(a).as(spelling).isNotNull();
			assertThat(a.getAddress()).as(spelling).isEqualTo(loopback);
		}
		assertThat(OutboundAddressPolicy.numericIpv4("example.com")).isNull();
		assertThat(OutboundAddressPolicy.numericIpv4("256.1.1.1")).isNull();
		assertThat(OutboundAddressPolicy.numericIpv4("4294967296")).isNull();
		assertThat(OutboundAddressPolicy.numericIpv4("1.2.3.4.5")).isNull();
	}

	@Test
	void aNameThatDoesNotResolveYetIsAcceptedAtRegistrationAndRefusedWhenCalled() {
		assertThat(this.strict.refusal("hooks.beacon-test.invalid")).isNull();
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.strict.resolve("hooks.beacon-test.invalid"));
	}

	@Test
	void theDevelopmentSwitchAllowsEverything() throws UnknownHostException {
		OutboundAddressPolicy open = OutboundAddressPolicy.of(true);
		assertThat(open.refusal("127.0.0.1")).isNull();
		assertThat(open.resolve("2130706433")[0].getAddress()).isEqualTo(new byte[] { 127, 0, 0, 1 });
	}

}
