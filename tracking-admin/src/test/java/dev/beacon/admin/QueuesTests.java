package dev.beacon.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.beacon.order.Order;
import dev.beacon.store.Store;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class QueuesTests extends AdminIntegrationTest {

	@Autowired
	SupportManagement support;

	@Test
	void eachQueueListsItsOrdersAndSaysWhy() throws Exception {
		Store store = store("queues");
		Store other = store("queues-other");
		Instant now = Instant.now();
		Instant longAgo = now.minus(20, ChronoUnit.DAYS);
		Order stuck = order(store, "Q-STUCK", longAgo, "S", "s@example.com", null, "CA", null, false);
		scans(ship(store, stuck, "sandbox", "SBX0000000100", "std", longAgo), "IT@" + longAgo.plusSeconds(3600));
		Order fresh = order(store, "Q-FRESH", now, "F", "f@example.com", null, "CA", null, false);
		scans(ship(store, fresh, "sandbox", "SBX0000000101", "std", now), "IT@" + now);
		Order exception = order(store, "Q-EXC", now, "E", "e@example.com", null, "CA", null, false);
		scans(ship(store, exception, "sandbox", "SBX0000000102", "std", now), "EX@" + now + "@Wrong address");
		Order attempted = order(store, "Q-ATT", now, "A", "a@example.com", null, "CA", null, false);
		scans(ship(store, attempted, "sandbox", "SBX0000000103", "std", now), "DA@" + now + "@Nobody home");
		Order helped = order(store, "Q-HELP", now, "H", "h@example.com", null, "CA", LocalDate.now(), false);
		this.support.raise(store.getId(), helped.getId(), null, HelpTopic.WHERE_IS_IT, "Still waiting", null, "page");
		Order claimed = order(store, "Q-CLAIM", now, "C", "c@example.com", null, "CA", null, false);
		Order foreign = order(other, "Q-FOREIGN", longAgo, "X", "x@example.com", null, "CA", null, false);
		scans(ship(other, foreign, "sandbox", "SBX0000000104", "std", longAgo), "EX@" + now + "@Wrong address");

		ConsolePrincipal agent = consoleUser(Role.AGENT, store);
		this.mvc.perform(post("/console/orders/" + claimed.getId() + "/claim").param("body", "Not at the door")
			.with(csrf())
			.with(user(agent)));
		String page = this.mvc.perform(get("/console/queues").with(user(agent)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String stuckSection = section(page, "stuck");
		assertThat(stuckSection).contains("Q-STUCK").contains("no history for this lane").doesNotContain("Q-FRESH");
		assertThat(section(page, "exceptions")).contains("Q-EXC").contains("Wrong address").contains("address");
		assertThat(section(page, "attempted")).contains("Q-ATT").contains("Nobody home");
		assertThat(section(page, "claims")).contains("Q-CLAIM").contains("Not at the door");
		assertThat(section(page, "help")).contains("Q-HELP").contains("where is it").contains("Still waiting");
		assertThat(page).doesNotContain("Q-FOREIGN");
	}

	private static String section(String page, String id) {
		int start = page.indexOf("<section id=\"" + id + "\"");
		assertThat(start).as("queue " + id).isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

}
