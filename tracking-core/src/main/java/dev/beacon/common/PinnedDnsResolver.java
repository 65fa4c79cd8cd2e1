package dev.beacon.common;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves the hosts of store-supplied addresses (outbound webhooks, store platforms)
 * through {@link OutboundAddressPolicy}, for Apache HttpClient's connection manager: the
 * client connects only to the addresses that were checked (no second lookup a DNS
 * rebinding could answer differently), and a host that is, spells or resolves to a
 * non-public address fails to resolve, at call time.
 */
public final class PinnedDnsResolver implements DnsResolver {

	private final OutboundAddressPolicy addresses;

	public PinnedDnsResolver(OutboundAddressPolicy addresses) {
		this.addresses = addresses;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return this.addresses.resolve(host);
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return Arrays.stream(resolve(host)).map((a) -> new InetSocketAddress(a, port)).toList();
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return host;
	}

}
