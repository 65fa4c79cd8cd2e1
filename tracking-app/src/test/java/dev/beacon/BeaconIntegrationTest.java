package dev.beacon;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one full-application test configuration (real PostgreSQL, every module). Test
 * classes that share it share one Spring context, so keep its properties here and nowhere
 * else. Its test kit ({@link TestKit}): core's {@code Fixtures} as a bean. The carrier
 * poller is on, as in production, but ticks once a day: no test sees it poll. The promise
 * backtest replays at most 40 parcels (PromiseReportIntegrationTests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "beacon.operator.api-key=test-operator-key-0123456789",
				"beacon.link-secret=test-link-secret-0123456789abcdef-0123",
				"beacon.public-base-url=https://track.example.test", "beacon.carriers.poll.tick=PT24H",
				"beacon.webhooks.dispatch=false", "beacon.webhooks.allow-http=true",
				"beacon.net.allow-private-addresses=true", "server.forward-headers-strategy=native",
				"beacon.console.reports.backtest-max-parcels=40" })
@AutoConfigureMockMvc
@Import(TestKit.class)
public @interface BeaconIntegrationTest {

}
