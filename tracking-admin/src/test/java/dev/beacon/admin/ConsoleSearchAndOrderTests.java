package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;

import dev.beacon.testing.TestStores;
import dev.beacon.order.Order;
import dev.beacon.shipment.CarrierUpdate;
import dev.beacon.shipment.PollOutcome;
import dev.beacon.shipment.TransitionCause;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.store.Store;
import dev.beacon.support.HelpRequest;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsoleSearchAndOrderTests extends AdminIntegrationTest {

	@Autowired
	SupportManagement support;

	private Store store;

	private Store other;

	private Order order;

	private ShipmentView shipment;

	private ConsolePrincipal agent;

	@BeforeEach
	void fixture() {
		this.store = store("search");
		this.other = store("search-other");
		Instant placed = Instant.parse("2025-06-02T10:00:00Z");
		this.order = order(this.store, "WEB-48213", placed, "Mariana Souza", "Mariana.Souza@Example.com",
				"+1 (415) 555-2671", "CA", LocalDate.of(2025, 6, 6), false);
		order(this.store, "WEB-50000", placed, "John Doe", "john@example.com", "+1 212 555 0000", "NY", null, false);
		order(this.other, "WEB-48214", placed, "Mariana Other", "mariana@other.example", "+1 415 555 2672", "CA", null,
				false);
		this.shipment = ship(this.store, this.order, "sandbox", "SBX0123456789", "std", placed);
		scans(this.shipment, "PU@2025-06-02T18:00:00Z", "IT@2025-06-03T08:00:00Z",
				"EX@2025-06-04T09:00:00Z@Bad address, consignee unknown");
		this.agent = consoleUser(Role.AGENT, this.store);
	}

	private String search(String q) throws Exception {
		return this.mvc.perform(get("/console/search/results").param("q", q).with(user(this.agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void findsByAnyIdentifierPartiallyAndCaseInsensitively() throws Exception {
		assertThat(search("48213")).contains("WEB-48213").doesNotContain("WEB-50000");
		assertThat(search("web-482")).contains("WEB-48213");
		assertThat(search("mariana.souza@")).contains("WEB-48213");
		assertThat(search("SOUZA")).contains("WEB-48213");
		assertThat(search("anA sou")).contains("WEB-48213");
		assertThat(search("555-2671")).contains("WEB-48213").doesNotContain("WEB-50000");
		assertThat(search("4155552671")).contains("WEB-48213");
		assertThat(search("sbx 0123456")).contains("WEB-48213");
		assertThat(search("john")).contains("WEB-50000").doesNotContain("WEB-48213");
		assertThat(search("zzzz-nothing")).contains("No orders match");
	}

	@Test
	void neverShowsAnotherStoresOrders() throws Exception {
		assertThat(search("mariana")).contains("WEB-48213").doesNotContain("WEB-48214");
		assertThat(search("WEB-48214")).doesNotContain("WEB-48214\"");
	}

	@Test
	void searchPageWorksWithoutJavaScript() throws Exception {
		String page = this.mvc.perform(get("/console/search").param("q", "souza").with(user(this.agent)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<form method=\"get\" action=\"/console/search\"").contains("WEB-48213");
	}

	@Test
	void orderViewShowsRawScansBesideTheirReadingAndTheActionsWork() throws Exception {
		this.support.raise(this.store.getId(), this.order.getId(), null, HelpTopic.WHERE_IS_IT, "Where is my parcel?",
				"m@example.com", "page");
		String url = "/console/orders/" + this.order.getId();
		String page = this.mvc.perform(get(url).with(user(this.agent)))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("messages"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document doc = Jsoup.parse(page);
		assertThat(doc.select("h2 > code").eachText()).containsExactly("SBX0123456789");
		assertThat(doc.select("table.scans td > span").eachText()).contains("Bad address, consignee unknown");
		assertThat(doc.select("table.scans td > code").eachText()).contains("EX", "a-ad");
		assertThat(doc.select("span.tag").eachText()).contains("action required");
		assertThat(doc.select("ul.plain q").eachText()).containsExactly("Where is my parcel?");
		assertThat(doc.select("p.estimate").first().ownText()).startsWith("Estimated window:");
		this.mvc.perform(post(url + "/notes").param("body", "Called the shopper").with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post(url + "/claim").param("body", "Porch was empty").with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post(url + "/escalate").param("body", "VIP").with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(url + "/shipments/" + this.shipment.id() + "/carrier").param("carrier", "ups")
				.with(csrf())
				.with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(url + "/shipments/" + this.shipment.id() + "/refresh").with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.shipments.get(this.store.getId(), this.shipment.id()).carrier()).isEqualTo("ups");
		String after = this.mvc.perform(get(url).with(user(this.agent))).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(after).select("ul.plain li > span:not(.tag):not(.muted)").eachText())
			.contains("Called the shopper", "Porch was empty", "VIP");
		this.mvc.perform(post(url + "/notes").param("body", " ").with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void agentCreatesATestOrderOnTheSandboxCarrier() throws Exception {
		String location = this.mvc
			.perform(post("/console/test-orders").param("storeId", this.store.getId().toString())
				.param("journey", "2")
				.with(csrf())
				.with(user(this.agent)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = this.mvc.perform(get(location).with(user(this.agent)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("test order")
			.containsPattern("SBX2\\d{9}")
			.contains("/t/" + this.store.getSlug() + "/orders/TEST-");
		this.mvc.perform(post("/console/test-orders").param("journey", "9").with(csrf()).with(user(this.agent)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aTestOrderEmailsOnlyTheAgentsOwnAddress() throws Exception {
		ConsolePrincipal ana = ConsolePrincipal
			.of(this.users.createUser("ana." + TestStores.uniqueSlug("a") + "@example.com", "Ana", PASSWORD, Role.AGENT,
					Set.of(this.store.getId())));
		this.mvc
			.perform(post("/console/test-orders").param("storeId", this.store.getId().toString())
				.param("journey", "0")
				.param("email", "a.real.shopper@example.com")
				.with(csrf())
				.with(user(this.agent)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/console/test-orders").param("storeId", this.store.getId().toString())
				.param("journey", "0")
				.param("email", ana.getUsername())
				.with(csrf())
				.with(user(ana)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aResolutionLongerThanFiveHundredCharactersIsRefusedAndChangesNothing() throws Exception {
		HelpRequest help = this.support.raise(this.store.getId(), this.order.getId(), null, HelpTopic.DAMAGED,
				"Box crushed", null, "page");
		String url = "/console/orders/" + this.order.getId() + "/help/" + help.getId() + "/resolve";
		this.mvc.perform(post(url).param("resolution", "r".repeat(501)).with(csrf()).with(user(this.agent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error",
					"The resolution is too long: at most 500 characters. Nothing was changed."));
		HelpRequest after = this.support.forOrder(this.store.getId(), this.order.getId()).get(0);
		assertThat(after.isOpen()).isTrue();
		assertThat(after.getResolution()).isNull();
		this.mvc.perform(post(url).param("resolution", "Sent a new one").with(csrf()).with(user(this.agent)))
			.andExpect(flash().attribute("flash", "Help request resolved."));
		assertThat(this.support.forOrder(this.store.getId(), this.order.getId()).get(0).getResolution())
			.isEqualTo("Sent a new one");
	}

	@Test
	void carrierErrorDetailsOfAShipmentAreShownToAdminsOnlyAgentsSeeTheOutcome() throws Exception {
		this.shipments.ingest(this.shipment.id(),
				CarrierUpdate.failed(PollOutcome.SERVER_ERROR, "HTTP 502 body: upstream said SBX999 for store 7"),
				TransitionCause.POLL);
		String url = "/console/orders/" + this.order.getId();
		Document asAgent = Jsoup.parse(this.mvc.perform(get(url).with(user(this.agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(asAgent.select(".poll-outcome").text()).isEqualTo("SERVER_ERROR");
		assertThat(asAgent.select(".poll-detail")).isEmpty();
		Document asAdmin = Jsoup.parse(this.mvc.perform(get(url).with(user(consoleUser(Role.ADMIN, this.store))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(asAdmin.select(".poll-outcome").text()).isEqualTo("SERVER_ERROR");
		assertThat(asAdmin.select(".poll-detail").text()).isEqualTo("HTTP 502 body: upstream said SBX999 for store 7");
	}

}
