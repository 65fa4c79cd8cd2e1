package dev.beacon.web.page;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.beacon.common.ClockConfiguration;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Brand;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * "Just the page", in seconds: one page controller in a Spring MVC slice (no database, no
 * server), with the page's real rendering, argument resolver, error advice and security
 * chain, and the core services it calls replaced. Start here to change a page; the full
 * behaviour against PostgreSQL is in {@link TrackingPageTests}.
 */
@WebMvcTest(controllers = TrackController.class,
		properties = { "spring.messages.basename=i18n/web/messages", "spring.messages.fallback-to-system-locale=false",
				"spring.thymeleaf.enable-spring-el-compiler=true" })
@Import({ PageViews.class, PageRenderer.class, ShopperLocales.class, AccessGrants.class, LookupLimiter.class,
		OrderPresenter.class, ShopperStatus.class, Timeline.class, PageDates.class, ClockConfiguration.class })
class TrackPageSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StoreManagement stores;

	@MockitoBean
	ShipmentManagement shipments;

	@MockitoBean
	TrackingLinks links;

	@BeforeEach
	void aStore() {
		Store store = mock(Store.class);
		given(store.getId()).willReturn(UUID.fromString("00000000-0000-0000-0000-000000000001"));
		given(store.getSlug()).willReturn("acme");
		given(store.getName()).willReturn("Acme Coffee");
		given(store.getDefaultLocale()).willReturn(Locale.ENGLISH);
		given(store.getTimeZone()).willReturn(ZoneId.of("America/Chicago"));
		given(store.getBrand()).willReturn(Brand.defaults());
		given(this.stores.recentBySlug(anyString())).willReturn(Optional.empty());
		given(this.stores.recentBySlug("acme")).willReturn(Optional.of(store));
	}

	@Test
	void anUnknownTrackingNumberIsA404WithTheLookupForm() throws Exception {
		given(this.shipments.byTrackingNumber(any(), any())).willReturn(List.of());
		MvcResult r = this.mvc.perform(get("/t/acme/track").param("number", "sbx 0000 0000 00")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(404);
		Document page = Jsoup.parse(r.getResponse().getContentAsString());
		assertThat(page.select("#lookup-error p").text()).isEqualTo(
				"We couldn’t find a package with tracking number SBX0000000000. Check the number and try again.");
		assertThat(page.select("#lookup-form")).hasSize(1);
	}

	@Test
	void aNumberThatCannotBeATrackingNumberIsA400WithoutAnyQuery() throws Exception {
		MvcResult r = this.mvc.perform(get("/t/acme/track").param("number", "<script>")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select("#lookup-error")).hasSize(1);
	}

	@Test
	void anUnknownStoreIsTheBranded404Page() throws Exception {
		MvcResult r = this.mvc.perform(get("/t/nobody/track").param("number", "SBX0000000000")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(404);
		Document page = Jsoup.parse(r.getResponse().getContentAsString());
		assertThat(page.select("h1#headline").text()).isEqualTo("We can’t find that page");
		assertThat(r.getResponse().getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
	}

}
