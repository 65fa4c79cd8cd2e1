package dev.beacon.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Which addresses Beacon may call when a store supplies the address (webhook endpoints,
 * store platform URLs): public unicast only. Refused are loopback, private (10/8,
 * 172.16/12, 192.168/16), CGNAT (100.64/10), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), unique-local (fc00::/7, e.g. fd00:ec2::254), site-local,
 * multicast, unspecified, 0.0.0.0/8, reserved and documentation ranges, and IPv6 forms
 * that embed any of these (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Numeric spellings
 * the C resolver accepts ({@code 2130706433}, {@code 0x7f000001}, {@code 0177.1},
 * {@code 127.1}) are read as the address they spell.
 * <p>
 * Check twice: {@link #refusal(String)} when the address is registered (a name that does
 * not resolve yet passes), and {@link #resolve(String)} when connecting, which answers
 * only checked addresses so the caller connects to exactly those (pinned, no second DNS
 * lookup to rebind). {@code beacon.net.allow-private-addresses=true} turns both checks
 * off, for development and tests only.
 */
@Component
@EnableConfigurationProperties(OutboundAddressPolicy.Settings.class)
public class OutboundAddressPolicy {

	/**
	 * @param allowPrivateAddresses accept every address (development and tests only)
	 */
	@ConfigurationProperties("beacon.net")
	record Settings(@DefaultValue("false") boolean allowPrivateAddresses) {
	}

	private final boolean allowPrivate;

	OutboundAddressPolicy(Settings settings) {
		this.allowPrivate = settings.allowPrivateAddresses();
	}

	/** A policy with the given switch (for code and tests outside Spring). */
	public static OutboundAddressPolicy of(boolean allowPrivateAddresses) {
		return new OutboundAddressPolicy(new Settings(allowPrivateAddresses));
	}

	public boolean allowsPrivateAddresses() {
		return this.allowPrivate;
	}

	/**
	 * Why {@code host} must not be registered, or null. A name that does not resolve
	 * (yet) is accepted; it is checked again on every call.
	 */
	public @Nullable String refusal(String host) {
		if (this.allowPrivate) {
			return null;
		}
		String h = normalize(host);
		if (h.isEmpty()) {
			return "has no host";
		}
		InetAddress[] addresses;
		try {
			addresses = lookup(h);
		}
		catch (UnknownHostException ex) {
			return null;
		}
		for (InetAddress a : addresses) {
			if (!isPublic(a)) {
				return "points to a non-public address";
			}
		}
		return null;
	}

	/**
	 * Resolves {@code host} for a connection; fails unless every address it resolves to
	 * is public. Connect to the answered addresses only.
	 */
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String h = normalize(host);
		InetAddress[] addresses = lookup(h);
		if (!this.allowPrivate) {
			for (InetAddress a : addresses) {
				if (!isPublic(a)) {
					throw new UnknownHostException("refused: " + h + " resolves to a non-public address");
				}
			}
		}
		return addresses;
	}

	private static String normalize(String host) {
		String h = host.strip().toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		while (h.endsWith(".")) {
			h = h.substring(0, h.length() - 1);
		}
		return h;
	}

	private static InetAddress[] lookup(String host) throws UnknownHostException {
		InetAddress numeric = numericIpv4(host);
		if (numeric != null) {
			return new InetAddress[] { numeric };
		}
		return InetAddress.getAllByName(host);
	}

	/**
	 * The IPv4 address a host spells the way {@code inet_aton} reads it (1 to 4 parts,
	 * each decimal, octal with a leading 0 or hex with 0x, the last filling the remaining
	 * bytes), or null when it is not such a spelling.
	 */
	static @Nullable InetAddress numericIpv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length == 0 || parts.length > 4) {
			return null;
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			Long v = number(parts[i]);
			if (v == null) {
				return null;
			}
			values[i] = v;
		}
		long address = 0;
		for (int i = 0; i < parts.length - 1; i++) {
			if (values[i] > 0xff) {
				return null;
			}
			address |= values[i] << (8 * (3 - i));
		}
		long last = values[parts.length - 1];
		if (last >= (1L << (8 * (5 - parts.length)))) {
			return null;
		}
		address |= last;
		byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
		try {
			return InetAddress.getByAddress(host, bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static @Nullable Long number(String part) {
		if (part.isEmpty() || part.length() > 12) {
			return null;
		}
		try {
			if (part.startsWith("0x")) {
				return (part.length() == 2) ? null : Long.parseLong(part.substring(2), 16);
			}
			if (part.length() > 1 && part.startsWith("0")) {
				return Long.parseLong(part.substring(1), 8);
			}
			return Long.parseLong(part, 10);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Whether {@code a} is a public unicast address. */
	public static boolean isPublic(InetAddress a) {
		if (a instanceof Inet4Address) {
			return isPublicIpv4(a.getAddress());
		}
		if (!(a instanceof Inet6Address)) {
			return false;
		}
		byte[] b = a.getAddress();
		if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
				|| a.isMulticastAddress()) {
			return false;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			return false; // unique-local fc00::/7
		}
		if (((Inet6Address) a).isIPv4CompatibleAddress()
				|| isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return isPublicIpv4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return false; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48 reach IPv4 through a
							// translator
		}
		if (first == 0x20 && second == 0x02) {
			return isPublicIpv4(new byte[] { b[2], b[3], b[4], b[5] }); // 6to4
		}
		if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
			return false; // Teredo
		}
		if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
			return false; // documentation
		}
		return (first & 0xe0) == 0x20; // global unicast 2000::/3
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPublicIpv4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		return !(a0 == 0 // 0.0.0.0/8, "this network" and unspecified
				|| a0 == 10 // private
				|| a0 == 100 && (a1 & 0xc0) == 64 // CGNAT 100.64/10 (incl.
													// 100.100.100.200)
				|| a0 == 127 // loopback
				|| a0 == 169 && a1 == 254 // link-local, cloud metadata 169.254.169.254
				|| a0 == 172 && (a1 & 0xf0) == 16 // private 172.16/12
				|| a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol,
																// TEST-NET-1
				|| a0 == 192 && a1 == 168 // private
				|| a0 == 198 && (a1 & 0xfe) == 18 // benchmarking 198.18/15
				|| a0 == 198 && a1 == 51 && a2 == 100 // TEST-NET-2
				|| a0 == 203 && a1 == 0 && a2 == 113 // TEST-NET-3
				|| a0 >= 224); // multicast, reserved, broadcast
	}

}
