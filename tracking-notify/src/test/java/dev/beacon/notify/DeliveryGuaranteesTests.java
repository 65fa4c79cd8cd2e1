package dev.beacon.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;

import dev.beacon.notify.consent.Consents;
import dev.beacon.notify.email.EmailSender;
import dev.beacon.notify.sms.SmsSender;
import dev.beacon.notify.sms.TwilioProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once: a crash between the provider call and its record, a crash before the
 * call, two dispatchers racing on one database, retries, dead letters and resends.
 */
class DeliveryGuaranteesTests extends NotifyTestSupport {

	@Autowired
	CrashingHook crash;

	@Autowired
	MessageClaims claims;

	@Autowired
	MeterRegistry meters;

	@Test
	void aCrashAfterTwilioAcceptedAnSmsNeitherResendsNorLosesIt() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("B-200", uniqueEmail(), phone, "en");
		ShipmentView s = ship("B-200");
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery");
		deliver();
		this.crash.arm(Channel.SMS);
		scan(s, "DL", "Delivered");
		deliver(); // Twilio accepts, then the "process dies" before the record
		MessageView delivered = sms(order, Trigger.DELIVERED);
		assertThat(delivered.status()).isEqualTo(MessageStatus.SENDING);
		assertThat(smsTo(phone)).hasSize(2);

		// Twilio's message list shows what was sent to the number
		String sid = "SM" + "f".repeat(32);
		TWILIO.stubFor(get(urlPathMatching("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withQueryParam("To", equalTo(phone))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(listJson(sid, delivered.bodyText(), phone))));
		expireLeases(); // the lease runs out
		deliver();
		deliver();
		MessageView after = sms(order, Trigger.DELIVERED);
		assertThat(after.status()).isEqualTo(MessageStatus.SENT);
		assertThat(after.providerId()).isEqualTo(sid);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(smsTo(phone)).hasSize(2); // OUT_FOR_DELIVERY + DELIVERED, the latter
												// once
	}

	@Test
	void anAmbiguousAnswerFromTwilioAfterACrashIsUncertainNeverAGuess() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("B-210", uniqueEmail(), phone, "en");
		ShipmentView s = ship("B-210");
		scan(s, "PU", "Picked up");
		this.crash.arm(Channel.SMS);
		scan(s, "OD", "Out for delivery");
		deliver(); // Twilio accepts, then the "process dies" before the record
		MessageView crashed = sms(order, Trigger.OUT_FOR_DELIVERY);
		assertThat(crashed.status()).isEqualTo(MessageStatus.SENDING);
		// two identical texts to the number (e.g. an earlier resend): which one is ours?
		String escaped = crashed.bodyText().replace("\\", "\\\\").replace("\"", "\\\"");
		String uri = "/2010-04-01/Accounts/" + SID + "/Messages.json?PageSize=50&Page=0";
		String twice = "{\"messages\":[" + message("SM" + "a".repeat(32), escaped, phone) + ","
				+ message("SM" + "b".repeat(32), escaped, phone) + "],\"end\":1,\"first_page_uri\":\"" + uri
				+ "\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,"
				+ "\"uri\":\"" + uri + "\"}";
		TWILIO.stubFor(get(urlPathMatching("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withQueryParam("To", equalTo(phone))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(twice)));
		expireLeases(); // the lease runs out
		deliver();
		deliver();
		MessageView after = sms(order, Trigger.OUT_FOR_DELIVERY);
		assertThat(after.status()).isEqualTo(MessageStatus.UNCERTAIN);
		assertThat(after.statusText()).isEqualTo("uncertain: Twilio shows 2 identical texts to the number; "
				+ "not resent automatically (resend if the shopper did not get it)");
		assertThat(smsTo(phone)).hasSize(1);
	}

	private static String message(String sid, String escapedBody, String to) {
		return "{\"sid\":\"" + sid + "\",\"body\":\"" + escapedBody + "\",\"to\":\"" + to + "\",\"from\":\"" + FROM
				+ "\",\"status\":\"delivered\"}";
	}

	@Test
	void aCrashAfterTheMailServerAcceptedNeverSendsTwiceAndIsShownForAPersonToDecide() {
		String email = uniqueEmail();
		Order order = order("B-201", email, null, "en");
		this.crash.arm(Channel.EMAIL);
		deliver();
		assertThat(mailsTo(email)).hasSize(1);
		expireLeases();
		deliver();
		deliver();
		assertThat(mailsTo(email)).hasSize(1);
		MessageView m = messages(order).get(0);
		assertThat(m.status()).isEqualTo(MessageStatus.UNCERTAIN);
		assertThat(this.notifications.failed(List.of(this.storeId), 10)).extracting(MessageView::id).contains(m.id());

		MessageView again = this.notifications.resend(this.storeId, m.id());
		deliver();
		assertThat(mailsTo(email)).hasSize(2);
		assertThat(messages(order)).filteredOn((v) -> v.id().equals(again.id())).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.resendOf()).isEqualTo(m.id());
		});
	}

	@Test
	void aCrashAfterTheClaimButBeforeTheCallSendsItOnceLater() {
		String email = uniqueEmail();
		Order order = order("B-202", email, null, "en");
		deliver(); // drains; now create one more due row and abandon its claim
		elapse(Duration.ofMinutes(5));
		MessageView confirmed = messages(order).get(0);
		MessageView copy = this.notifications.resend(this.storeId, confirmed.id());
		List<OutboxMessage> claimed = this.claims.claim(50, Duration.ofMinutes(10), "dead-node").messages();
		assertThat(claimed).extracting(OutboxMessage::id).contains(copy.id());
		deliver(); // lease still held: nothing happens
		assertThat(mailsTo(email)).hasSize(1);
		expireLeases();
		deliver();
		assertThat(mailsTo(email)).hasSize(2);
		assertThat(messages(order)).allSatisfy((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void aDispatcherPausedPastItsLeaseCallsNoOneAndTheMessageGoesOnce() {
		String email = uniqueEmail();
		Order order = order("B-208", email, null, "en");
		deliver(); // drains; now create one more due row, claimed by a dispatcher that
					// stalls
		elapse(Duration.ofMinutes(5));
		MessageView copy = this.notifications.resend(this.storeId, messages(order).get(0).id());
		OutboxMessage stalled = this.claims.claim(50, Duration.ofSeconds(20), "stalled-node")
			.messages()
			.stream()
			.filter((m) -> m.id().equals(copy.id()))
			.findFirst()
			.orElseThrow();
		// starved of CPU past its lease, before its provider call: not rescued yet
		expireLeases();
		assertThat(this.claims.markProviderCalled(stalled, Duration.ofMinutes(2))).isFalse();
		deliver(); // another dispatcher rescues it (never called) and sends it
		assertThat(mailsTo(email)).hasSize(2);
		// the stalled dispatcher wakes up: its token is fenced off for good
		assertThat(this.claims.markProviderCalled(stalled, Duration.ofMinutes(2))).isFalse();
		deliver();
		assertThat(mailsTo(email)).hasSize(2);
		assertThat(messages(order)).filteredOn((v) -> v.id().equals(copy.id())).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.attempts()).isEqualTo(2);
		});
	}

	@Test
	void theRescueAsksTheProviderOutsideAnyTransactionWithTheRowUnlocked() {
		String email = uniqueEmail();
		Order order = order("B-211", email, null, "en");
		deliver(); // drains; now one more due row, handed to the provider by a dispatcher
					// that dies before recording
		elapse(Duration.ofMinutes(5));
		MessageView copy = this.notifications.resend(this.storeId, messages(order).get(0).id());
		OutboxMessage dead = this.claims.claim(50, Duration.ofMinutes(2), "dead-node")
			.messages()
			.stream()
			.filter((m) -> m.id().equals(copy.id()))
			.findFirst()
			.orElseThrow();
		assertThat(this.claims.markProviderCalled(dead, Duration.ofMinutes(2))).isTrue();
		expireLeases(); // its lease runs out

		// while the provider is asked, another connection can lock the row at once
		List<String> whileAsking = new ArrayList<>();
		EmailSender smtp = this.context.getBean(EmailSender.class);
		ChannelSender asked = new ChannelSender() {

			@Override
			public Channel channel() {
				return smtp.channel();
			}

			@Override
			public String recipient(Order o, News news, ShopperPreferences prefs) {
				return smtp.recipient(o, news, prefs);
			}

			@Override
			public boolean configured() {
				return smtp.configured();
			}

			@Override
			public SendResult send(OutboxMessage message) {
				return smtp.send(message);
			}

			@Override
			public Reconciliation reconcile(OutboxMessage message) {
				if (!message.id().equals(copy.id())) {
					return smtp.reconcile(message);
				}
				whileAsking.add("transaction " + TransactionSynchronizationManager.isActualTransactionActive());
				whileAsking.add(lockFromAnotherConnection(message.id()));
				return Reconciliation.found("<" + message.id() + "@beacon.notify>");
			}
		};
		dispatcherWith(List.of(asked, this.context.getBean(SmsSender.class))).runOnce();

		assertThat(whileAsking).containsExactly("transaction false", "locked by the probe");
		assertThat(messages(order)).filteredOn((v) -> v.id().equals(copy.id())).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.providerId()).isEqualTo("<" + copy.id() + "@beacon.notify>");
			assertThat(v.attempts()).isEqualTo(1);
		});
		assertThat(mailsTo(email)).hasSize(1); // the copy never went a second time
	}

	/**
	 * {@code SELECT ... FOR UPDATE NOWAIT} on the row from a connection of its own: fails
	 * at once (55P03) while anyone else holds the row's lock.
	 */
	private String lockFromAnotherConnection(UUID id) {
		try (Connection c = this.context.getBean(DataSource.class).getConnection();
				PreparedStatement st = c
					.prepareStatement("select id from notify_messages where id = ? for update nowait")) {
			c.setAutoCommit(false);
			st.setObject(1, id);
			st.executeQuery().close();
			c.rollback();
			c.setAutoCommit(true);
			return "locked by the probe";
		}
		catch (SQLException ex) {
			return "already locked (" + ex.getSQLState() + ")";
		}
	}

	@Test
	void aMessageDueByTheDatabaseClockIsClaimedWhateverTheInstancesClockSays() {
		String email = uniqueEmail();
		Order order = order("B-212", email, null, "en");
		// this instance's clock is months behind the database's; the row is due by the
		// database's clock (as another instance with a right clock would have queued it)
		this.clock.set(databaseNow().minus(Duration.ofDays(200)));
		this.jdbc.update("update notify_messages set next_attempt_at = now() - interval '1 second' where order_id = ?",
				order.getId());
		assertThat(this.dispatcher.runOnce()).isEqualTo(1);
		assertThat(mailsTo(email)).hasSize(1);
		assertThat(messages(order)).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.attempts()).isEqualTo(1);
		});
	}

	@Test
	void aLeaseLiveByTheDatabaseClockIsNotTakenOverByAnInstanceWhoseClockIsAhead() {
		String email = uniqueEmail();
		Order order = order("B-213", email, null, "en");
		elapse(Duration.ofMinutes(2)); // due
		List<OutboxMessage> claimed = this.claims.claim(50, Duration.ofMinutes(2), "other-node").messages();
		assertThat(claimed).extracting(OutboxMessage::orderId).containsExactly(order.getId());
		// this instance's clock is months ahead of the database's: the other instance's
		// lease has two minutes to run by the database's clock, so it stays the other's
		this.clock.set(databaseNow().plus(Duration.ofDays(200)));
		assertThat(this.dispatcher.runOnce()).isZero();
		assertThat(mailsTo(email)).isEmpty();
		assertThat(this.jdbc.queryForMap("select status, lease_owner, attempts from notify_messages where order_id = ?",
				order.getId()))
			.containsEntry("status", "SENDING")
			.containsEntry("lease_owner", "other-node")
			.containsEntry("attempts", 1);
		expireLeases(); // the other instance died: now it is rescued, and sent once
		while (this.dispatcher.runOnce() > 0) {
			// drain
		}
		assertThat(mailsTo(email)).hasSize(1);
		assertThat(messages(order)).singleElement()
			.satisfies((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void aMailServerWhoseAcceptanceNeverArrivesMakesItUncertainNeverSentTwice() throws Exception {
		deliver();
		try (SilentSmtp server = new SilentSmtp()) {
			org.springframework.mail.javamail.JavaMailSenderImpl mail = new org.springframework.mail.javamail.JavaMailSenderImpl();
			mail.setHost("127.0.0.1");
			mail.setPort(server.port());
			mail.getJavaMailProperties().put("mail.smtp.timeout", "1000");
			Dispatcher viaSilent = dispatcherWith(
					List.of(dev.beacon.notify.email.EmailSenders.via(mail, this.context)));
			Order order = order("B-209", uniqueEmail(), null, "en");
			MessageView queued = messages(order).get(0);
			elapse(Duration.ofMinutes(2));
			while (viaSilent.runOnce() > 0) {
				// the server takes the message whole; its "250" never arrives
			}
			elapse(Duration.ofHours(2)); // past any backoff and lease
			while (viaSilent.runOnce() > 0) {
				// nothing may go again
			}
			assertThat(server.received()).containsExactly("<" + queued.id() + "@beacon.notify>");
			MessageView after = messages(order).get(0);
			assertThat(after.status()).isEqualTo(MessageStatus.UNCERTAIN);
			assertThat(after.attempts()).isEqualTo(1);
			assertThat(after.statusText()).startsWith("uncertain: the connection to the mail server broke after "
					+ "the whole message was handed over (");
			assertThat(after.statusText())
				.endsWith("; not resent automatically (resend if the shopper did not get it)");
		}
	}

	@Test
	void twoDispatchersRacingOnOneDatabaseSendEachMessageExactlyOnce() throws Exception {
		deliver();
		List<String> emails = new ArrayList<>();
		List<Order> placed = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String email = uniqueEmail();
			emails.add(email);
			placed.add(order("R-" + i, email, null, "en"));
		}
		Dispatcher other = dispatcherWith(List.copyOf(this.context.getBeansOfType(ChannelSender.class).values()));
		elapse(Duration.ofMinutes(2));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (Dispatcher d : List.of(this.dispatcher, other)) {
				runs.add(pool.submit(() -> {
					start.await();
					int total = 0;
					int n;
					while ((n = d.runOnce()) > 0) {
						total += n;
					}
					return total;
				}));
			}
			start.countDown();
			int claimed = 0;
			for (Future<Integer> f : runs) {
				claimed += f.get();
			}
			assertThat(claimed).isGreaterThanOrEqualTo(16);
		}
		finally {
			pool.shutdown();
		}
		for (String email : emails) {
			assertThat(mailsTo(email)).as(email).hasSize(1);
		}
		for (Order o : placed) {
			assertThat(messages(o)).singleElement().satisfies((v) -> {
				assertThat(v.status()).isEqualTo(MessageStatus.SENT);
				assertThat(v.attempts()).isEqualTo(1);
			});
		}
	}

	@Test
	void failuresAreRetriedWithBackoffThenDeadAndCanBeResent() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		TWILIO.stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
			.withRequestBody(
					containing("To=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)))
			.willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}")));
		Order order = order("B-203", uniqueEmail(), phone, "en");
		ShipmentView s = ship("B-203");
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery");
		deliver();
		MessageView first = sms(order, Trigger.OUT_FOR_DELIVERY);
		assertThat(first.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(first.statusText()).startsWith("retrying: Twilio 20500").contains("attempt 1 of 3");
		assertThat(first.nextAttemptAt()).isAfter(databaseNow()); // backoff on the
																	// database's clock
		deliver();
		deliver();
		MessageView dead = sms(order, Trigger.OUT_FOR_DELIVERY);
		assertThat(dead.status()).isEqualTo(MessageStatus.DEAD);
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.statusText()).startsWith("failed after 3 attempts");
		assertThat(this.notifications.failed(List.of(this.storeId), 10)).extracting(MessageView::id)
			.contains(dead.id());

		TWILIO.removeStub(TWILIO.getStubMappings()
			.stream()
			.filter((m) -> m.getPriority() != null && m.getPriority() == 1)
			.findFirst()
			.orElseThrow());
		this.notifications.resend(this.storeId, dead.id());
		deliver();
		assertThat(messages(order)).filteredOn((v) -> v.resendOf() != null)
			.singleElement()
			.satisfies((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void twilio21610SuppressesTheNumberForGood() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		TWILIO.stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(2)
			.withRequestBody(
					containing("To=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));
		Order order = order("B-204", uniqueEmail(), phone, "en");
		ShipmentView s = ship("B-204");
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery");
		deliver();
		scan(s, "DL", "Delivered");
		deliver();
		assertThat(sms(order, Trigger.OUT_FOR_DELIVERY).status()).isEqualTo(MessageStatus.SUPPRESSED);
		MessageView delivered = sms(order, Trigger.DELIVERED);
		assertThat(delivered.status()).isEqualTo(MessageStatus.SUPPRESSED);
		assertThat(delivered.statusText()).contains("opted out at Twilio (21610)");
		assertThat(smsTo(phone)).hasSize(1); // the second one never reached Twilio
	}

	@Test
	void withoutAnAccountMessagesAreRenderedAndKeptAsNotConfigured() {
		Dispatcher demo = dispatcherWith(List.of(
				new SmsSender(new TwilioProperties(null, null, null, null), this.context.getBean(Consents.class),
						this.context.getBean(NotifyProperties.class), this.context.getBean(StoreSettings.class)),
				this.context.getBean(EmailSender.class)));
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("B-205", uniqueEmail(), phone, "en");
		ShipmentView s = ship("B-205");
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery");
		elapse(Duration.ofMinutes(2));
		while (demo.runOnce() > 0) {
			// drain
		}
		MessageView m = sms(order, Trigger.OUT_FOR_DELIVERY);
		assertThat(m.status()).isEqualTo(MessageStatus.NOT_CONFIGURED);
		assertThat(m.statusText()).isEqualTo("not sent: channel not configured");
		assertThat(m.bodyText()).startsWith("Acme Outdoor: order B-205 is out for delivery today.");
		assertThat(smsTo(phone)).isEmpty();
	}

	@Test
	void noMoreThanTheDailyCapPerShipment() {
		String email = uniqueEmail();
		Order order = order("B-206", email, null, "en");
		ShipmentView s = ship("B-206");
		this.notifications.updateSettings(this.storeId,
				new NotificationSettings(null, null, null, 1, java.util.Map.of(), java.util.Map.of()));
		scan(s, "PU", "Picked up");
		deliver();
		scan(s, "OD", "Out for delivery");
		deliver();
		scan(s, "DL", "Delivered");
		deliver();
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.OUT_FOR_DELIVERY)
			.singleElement()
			.satisfies((v) -> {
				assertThat(v.status()).isEqualTo(MessageStatus.SKIPPED);
				assertThat(v.statusText()).contains("limit of 1 messages per shipment per day");
			});
		// delivered is never capped
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.DELIVERED)
			.singleElement()
			.satisfies((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void deliveriesAreMeasured() {
		order("B-207", uniqueEmail(), null, "en");
		deliver();
		assertThat(this.meters.get("beacon.notify.messages").tags("outcome", "sent", "channel", "email").counters())
			.isNotEmpty();
		assertThat(this.meters.get("beacon.notify.latency")
			.tags("channel", "email", "trigger", "order_confirmed")
			.timer()
			.count()).isPositive();
	}

	private MessageView sms(Order order, Trigger trigger) {
		return messages(order).stream()
			.filter((v) -> v.channel() == Channel.SMS && v.trigger() == trigger && v.resendOf() == null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + trigger + " SMS in " + messages(order)));
	}

	static String listJson(String sid, String body, String to) {
		String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"");
		String uri = "/2010-04-01/Accounts/" + SID + "/Messages.json?PageSize=50&Page=0";
		return "{\"messages\":[{\"sid\":\"" + sid + "\",\"body\":\"" + escaped + "\",\"to\":\"" + to + "\",\"from\":\""
				+ FROM + "\",\"status\":\"delivered\"}],\"end\":0,\"first_page_uri\":\"" + uri
				+ "\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,\"uri\":\""
				+ uri + "\"}";
	}

}
