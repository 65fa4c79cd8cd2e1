package dev.beacon.web.page;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key the tracking page's limits count a client by: its IPv4 address, or the /64
 * network of its IPv6 address (one subscriber usually holds a whole /64, so counting
 * single IPv6 addresses would give an attacker billions of fresh keys). The address is
 * the container's remote address: behind a proxy, set
 * {@code server.forward-headers-strategy=native} with the proxy in
 * {@code server.tomcat.remoteip.internal-proxies}, never {@code framework}.
 */
final class ClientKeys {

	private ClientKeys() {
	}

	static String of(String remoteAddress) {
		if (remoteAddress.indexOf(':') < 0) {
			return remoteAddress;
		}
		try {
			// an IPv6 literal (it has a colon): never a DNS lookup
			InetAddress address = InetAddress.getByName(remoteAddress);
			if (address instanceof Inet6Address) {
				byte[] bytes = address.getAddress();
				return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
			}
			return address.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return remoteAddress;
		}
	}

}
