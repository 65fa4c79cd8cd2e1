package dev.beacon.web.page;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.beacon.order.Order;
import dev.beacon.order.OrderManagement;
import dev.beacon.order.TrackingLinks;
import dev.beacon.shipment.ShipmentManagement;
import dev.beacon.store.Store;
import dev.beacon.store.StoreManagement;
import dev.beacon.web.page.PageFixtures.Journey;

/**
 * Runs the page test application with a few orders, for Lighthouse and manual checks (not
 * a test): prints the lookup URL, signed order links and a grant cookie. Run with
 * {@code -Dbeacon.test.db=<throw-away db>} on the test classpath; see
 * docs/tracking-page.md.
 */
public final class PageDemo {

	private PageDemo() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext ctx = SpringApplication.run(PageTestApplication.class,
				"--spring.messages.basename=i18n/web/messages", "--spring.messages.fallback-to-system-locale=false",
				"--beacon.link-secret=page-demo-secret", "--server.port=" + System.getProperty("port", "8089"));
		PageFixtures f = new PageFixtures(ctx.getBean(StoreManagement.class), ctx.getBean(OrderManagement.class),
				ctx.getBean(ShipmentManagement.class));
		TrackingLinks links = ctx.getBean(TrackingLinks.class);
		AccessGrants grants = ctx.getBean(AccessGrants.class);
		Store store = f.store("en");
		String base = "http://localhost:" + System.getProperty("port", "8089");
		System.out.println("DEMO lookup " + base + "/t/" + store.getSlug());
		for (Journey j : new Journey[] { Journey.OUT_FOR_DELIVERY, Journey.DELAYED_WEATHER, Journey.ADDRESS }) {
			Order o = f.order(store, PageFixtures.orderNumber());
			f.ship(store, o, j);
			MockHttpServletResponse response = new MockHttpServletResponse();
			grants.grant(new MockHttpServletRequest(), response, store.getSlug(), o.getOrderNumber());
			String cookie = response.getHeader("Set-Cookie").split(";")[0];
			System.out.println("DEMO " + j + " " + base + PagePaths.order(store.getSlug(), o.getOrderNumber())
					+ " signed=" + base + "/t/" + store.getSlug() + "/orders/" + o.getOrderNumber() + "?k="
					+ links.token(store.getSlug(), o.getOrderNumber()) + " cookie=" + cookie);
		}
	}

}
