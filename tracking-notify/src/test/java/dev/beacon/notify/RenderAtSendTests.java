package dev.beacon.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.beacon.order.Order;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;

import dev.beacon.notify.consent.Consents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages are rendered when they are sent: the store's wording and brand of that moment,
 * the facts of the event that queued them; rows rendered before that change go as they
 * were stored; the words handed to a provider are kept with the row; the checks of a
 * claimed batch read once what each message would have read alone.
 */
class RenderAtSendTests extends NotifyTestSupport {

	private static final ScanLocation MEMPHIS = new ScanLocation("Memphis", "TN", null, "US");

	@Autowired
	CrashingHook crash;

	@Autowired
	Consents consents;

	@Test
	void aQueuedMessageGoesInTheWordingOfTheSendWithTheFactsOfItsEvent() throws Exception {
		String email = uniqueEmail();
		Order order = order("S-300", email, null, "en");
		ShipmentView s = ship("S-300");
		deliver();
		scan(s, "PU", "Picked up", MEMPHIS, new DeliveryWindow(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10)));
		// before it goes, the carrier brings the date forward (no news) and the store
		// rewords the subject
		scan(s, "IT", "Departed facility", MEMPHIS,
				new DeliveryWindow(LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 7)));
		this.notifications.updateSettings(this.storeId, new NotificationSettings(null, null, null, null, Map.of(),
				Map.of("en:shipped.subject", "On its way: {order} from {store}")));
		MessageView queued = shipped(order);
		assertThat(queued.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(queued.subject()).isEqualTo("On its way: S-300 from Acme Outdoor");
		assertThat(queued.bodyText()).contains("It is expected between Mar 9 and Mar 10.");

		deliver();
		List<MimeMessage> mails = mailsTo(email);
		assertThat(mails).hasSize(2);
		MimeMessage mail = mails.get(1);
		assertThat(mail.getSubject()).isEqualTo("On its way: S-300 from Acme Outdoor");
		assertThat(GreenMailUtil.getBody(mail)).contains("It is expected between Mar 9 and Mar 10.");
		MessageView sent = shipped(order);
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.subject()).isEqualTo("On its way: S-300 from Acme Outdoor");
		assertThat(sent.bodyText()).contains("It is expected between Mar 9 and Mar 10.");

		// what went is kept: a later change of wording does not change the record
		this.notifications.updateSettings(this.storeId, new NotificationSettings(null, null, null, null, Map.of(),
				Map.of("en:shipped.subject", "Changed again {order}")));
		assertThat(shipped(order).subject()).isEqualTo("On its way: S-300 from Acme Outdoor");
		assertThat(shipped(order).bodyText()).isEqualTo(sent.bodyText());
	}

	@Test
	void aRowRenderedWhenItWasQueuedGoesAsItWasStored() throws Exception {
		String email = uniqueEmail();
		Order order = order("S-301", email, null, "en");
		deliver();
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"""
						insert into notify_messages (id, store_id, order_id, trigger, channel, idempotency_key, recipient, locale,
						  time_zone, subject, body_text, body_html, essential, priority, status, attempts, next_attempt_at,
						  transition_at, created_at)
						values (?, ?, ?, 'ORDER_CONFIRMED', 'EMAIL', ?, ?, 'en', 'America/Chicago', 'Stored subject',
						  'Stored text', '<p>Stored html</p>', true, 10, 'PENDING', 0, now(), now(), now())""",
				id, this.storeId, order.getId(), "old-row:" + id, email);
		this.notifications.updateSettings(this.storeId, new NotificationSettings(null, null, null, null, Map.of(),
				Map.of("en:order_confirmed.subject", "Reworded {order}")));
		assertThat(view(order, id).subject()).isEqualTo("Stored subject");

		deliver();
		List<MimeMessage> mails = mailsTo(email);
		assertThat(mails).hasSize(2);
		assertThat(mails.get(1).getSubject()).isEqualTo("Stored subject");
		assertThat(GreenMailUtil.getBody(mails.get(1))).contains("Stored text").contains("<p>Stored html</p>");
		MessageView sent = view(order, id);
		assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
		assertThat(sent.subject()).isEqualTo("Stored subject");
		assertThat(sent.bodyText()).isEqualTo("Stored text");
		assertThat(sent.bodyHtml()).isEqualTo("<p>Stored html</p>");
	}

	@Test
	void aBatchWithASuppressedAddressAndACappedShipmentEndsEachAsAloneAndSendsTheRest() {
		this.notifications.updateSettings(this.storeId,
				new NotificationSettings(null, null, null, 1, Map.of(), Map.of()));
		String capped = uniqueEmail();
		Order withShipment = order("S-310", capped, null, "en");
		ShipmentView s = ship("S-310");
		scan(s, "PU", "Picked up");
		deliver(); // confirmation and "shipped": the shipment's one message of the day
		scan(s, "OD", "Out for delivery");
		String bounced = uniqueEmail();
		this.consents.suppress(Channel.EMAIL, bounced, "hard bounce (SMTP 550)", this.clock.instant());
		Order suppressed = order("S-311", bounced, null, "en");
		String plain = uniqueEmail();
		Order fine = order("S-312", plain, null, "en");
		// the three are the oldest due rows: one claimed batch (batch=3)
		this.jdbc.update("update notify_messages set next_attempt_at = now() - interval '10 years' "
				+ "where store_id = ? and status = 'PENDING'", this.storeId);

		assertThat(this.dispatcher.runOnce()).isEqualTo(3);

		assertThat(messages(withShipment)).filteredOn((v) -> v.trigger() == Trigger.OUT_FOR_DELIVERY)
			.singleElement()
			.satisfies((v) -> {
				assertThat(v.status()).isEqualTo(MessageStatus.SKIPPED);
				assertThat(v.statusText()).isEqualTo("not sent: limit of 1 messages per shipment per day reached");
			});
		assertThat(messages(suppressed)).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SUPPRESSED);
			assertThat(v.statusText()).isEqualTo("not sent: hard bounce (SMTP 550)");
		});
		assertThat(messages(fine)).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.attempts()).isEqualTo(1);
		});
		assertThat(mailsTo(capped)).hasSize(2);
		assertThat(mailsTo(bounced)).isEmpty();
		assertThat(mailsTo(plain)).hasSize(1);
	}

	@Test
	void anSmsIsReconciledWithTheWordsHandedOverThoughTheWordingChangedSince() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("S-320", uniqueEmail(), phone, "en");
		ShipmentView s = ship("S-320");
		scan(s, "PU", "Picked up");
		deliver();
		this.crash.arm(Channel.SMS);
		scan(s, "OD", "Out for delivery");
		deliver(); // Twilio accepts, then the "process dies" before the record
		assertThat(smsTo(phone)).hasSize(1);
		String handedOver = smsBody(smsTo(phone).get(0));
		MessageView crashed = sms(order);
		assertThat(crashed.status()).isEqualTo(MessageStatus.SENDING);
		assertThat(crashed.bodyText()).isEqualTo(handedOver);

		this.notifications.updateSettings(this.storeId, new NotificationSettings(null, null, null, null, Map.of(),
				Map.of("en:out_for_delivery.sms", "{store}: {order} arrives today.")));
		String sid = "SM" + "e".repeat(32);
		TWILIO.stubFor(get(urlPathMatching("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withQueryParam("To", equalTo(phone))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(DeliveryGuaranteesTests.listJson(sid, handedOver, phone))));
		expireLeases();
		deliver();
		MessageView after = sms(order);
		assertThat(after.status()).isEqualTo(MessageStatus.SENT);
		assertThat(after.providerId()).isEqualTo(sid);
		assertThat(after.bodyText()).isEqualTo(handedOver);
		assertThat(smsTo(phone)).hasSize(1);
	}

	private MessageView shipped(Order order) {
		return messages(order).stream()
			.filter((v) -> v.trigger() == Trigger.SHIPPED)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SHIPPED message in " + messages(order)));
	}

	private MessageView sms(Order order) {
		return messages(order).stream()
			.filter((v) -> v.channel() == Channel.SMS && v.trigger() == Trigger.OUT_FOR_DELIVERY)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SMS in " + messages(order)));
	}

	private MessageView view(Order order, UUID id) {
		return messages(order).stream().filter((v) -> v.id().equals(id)).findFirst().orElseThrow();
	}

}
