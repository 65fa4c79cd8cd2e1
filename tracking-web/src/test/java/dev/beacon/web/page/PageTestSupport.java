package dev.beacon.web.page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.StoreManagement;
import dev.beacon.support.SupportManagement;
import dev.beacon.testing.StatementCounter;

/**
 * The one Spring context of the tracking page tests (MockMvc and browser tests share it):
 * real PostgreSQL, a random port, the page's message bundles, a {@link StatementCounter}.
 */
@SpringBootTest(classes = PageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.messages.basename=i18n/web/messages", "spring.messages.fallback-to-system-locale=false",
				"spring.thymeleaf.enable-spring-el-compiler=true", "beacon.link-secret=page-test-secret",
				"beacon.page.lookups-per-minute=60", "beacon.page.failed-lookup-floor=PT0.05S",
				"logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn" })
@AutoConfigureMockMvc
abstract class PageTestSupport {

	@Autowired
	StoreManagement stores;

	@Autowired
	OrderManagement orders;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	SupportManagement support;

	@Autowired
	TrackingLinks links;

	@Autowired
	StatementCounter statementCounter;

	PageFixtures fixtures() {
		return new PageFixtures(this.stores, this.orders, this.shipments);
	}

	/** A client address of its own, so tests never share a rate-limit bucket. */
	static RequestPostProcessor client(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
