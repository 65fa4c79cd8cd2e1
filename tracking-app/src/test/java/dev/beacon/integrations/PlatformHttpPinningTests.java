package dev.beacon.integrations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import dev.beacon.common.OutboundAddressPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Platform calls connect only to addresses the outbound policy allows, decided when the
 * client connects (the pinned resolver), not only when the URL was checked: with
 * {@code beacon.net.allow-private-addresses=false}, a store URL whose name resolves to
 * loopback is refused at call time and the stub behind it is never reached.
 */
class PlatformHttpPinningTests {

	PlatformHttp http;

	@AfterEach
	void close() throws Exception {
		if (this.http != null) {
			this.http.destroy();
		}
	}

	@Test
	void aNameResolvingToLoopbackIsRefusedWhenTheClientConnects() {
		PlatformStub.server().stubFor(get(urlEqualTo("/pinned/ping")).willReturn(aResponse().withStatus(200)));
		int before = PlatformStub.server().findAll(anyRequestedFor(urlPathMatching("/pinned/.*"))).size();
		this.http = new PlatformHttp(OutboundAddressPolicy.of(false));
		String url = "http://localhost:" + PlatformStub.server().port() + "/pinned/ping";

		// the client alone, without check(): the refusal is in the connection itself
		assertThatThrownBy(() -> this.http.client().get().uri(url).retrieve().toBodilessEntity())
			.isInstanceOf(ResourceAccessException.class)
			.hasRootCauseMessage("refused: localhost resolves to a non-public address");
		assertThat(PlatformStub.server().findAll(anyRequestedFor(urlPathMatching("/pinned/.*")))).hasSize(before);
	}

	@Test
	void withPrivateAddressesAllowedTheSameNameIsCalled() {
		PlatformStub.server().stubFor(get(urlEqualTo("/pinned/ok")).willReturn(aResponse().withStatus(204)));
		this.http = new PlatformHttp(OutboundAddressPolicy.of(true));
		String url = "http://localhost:" + PlatformStub.server().port() + "/pinned/ok";
		this.http.check(url);
		assertThat(this.http.client().get().uri(url).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(204);
	}

}
