package dev.beacon.notify;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.beacon.order.Order;
import dev.beacon.shipment.ScanLocation;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.support.HelpTopic;
import dev.beacon.support.SupportManagement;

import static org.assertj.core.api.Assertions.assertThat;

/** Every trigger fires once, in the shopper's language, with the right content. */
class NotificationTriggersTests extends NotifyTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	SupportManagement support;

	@Test
	void orderConfirmedGoesOutOnceInTheShoppersLanguageWithASignedLink() throws Exception {
		String email = uniqueEmail();
		Order order = order("A-100", email, null, "pt-BR");
		deliver();
		deliver();
		List<MimeMessage> mails = mailsTo(email);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("Seu pedido A-100 da Acme Outdoor está confirmado");
		assertThat(mail.getFrom()[0].toString()).contains("Acme Outdoor");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
			.contains("/t/" + this.slug + "/orders/A-100?k=");
		assertThat(mail.getHeader("Message-ID")[0]).endsWith("@beacon.notify>");
		List<MessageView> views = messages(order);
		assertThat(views).singleElement().satisfies((v) -> {
			assertThat(v.trigger()).isEqualTo(Trigger.ORDER_CONFIRMED);
			assertThat(v.status()).isEqualTo(MessageStatus.SENT);
			assertThat(v.attempts()).isEqualTo(1);
			assertThat(v.bodyText()).contains("Olá, Ana!").contains("O que acontece agora");
			assertThat(v.bodyHtml()).contains("Acompanhar pedido");
		});
	}

	@Test
	void aWholeJourneyTellsEachStepOnceByEmailAndSms() {
		String email = uniqueEmail();
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("A-101", email, phone, "en");
		ShipmentView s = ship("A-101");
		deliver();
		assertThat(mailsTo(email)).hasSize(1); // confirmed; a label alone is no news
		scan(s, "LC", "Label created");
		deliver();
		assertThat(mailsTo(email)).hasSize(1); // never an empty "shipped"
		scan(s, "PU", "Picked up");
		deliver();
		scan(s, "IT", "Departed facility");
		deliver();
		scan(s, "OD", "Out for delivery");
		deliver();
		scan(s, "DL", "Delivered, front door");
		deliver();
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsExactly("Your Acme Outdoor order A-101 is confirmed", "Your order A-101 is on its way",
					"Order A-101 is out for delivery", "Order A-101 was delivered");
		assertThat(smsTo(phone)).extracting(NotifyTestSupport::smsBody)
			.satisfiesExactly((b) -> assertThat(b).startsWith("Acme Outdoor: order A-101 is out for delivery today.")
				.contains("?k="), (b) -> assertThat(b).startsWith("Acme Outdoor: order A-101 was delivered."));
		assertThat(messages(order)).allSatisfy((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void outForDeliveryAndAnAddressProblemInOnePollNeverDropTheActionNews() {
		String email = uniqueEmail();
		Order order = order("A-150", email, null, "en");
		ShipmentView s = ship("A-150");
		scan(s, "PU", "Picked up");
		deliver();
		java.time.Instant t = this.clock.instant();
		ScanLocation memphis = new ScanLocation("Memphis", "TN", null, "US");
		this.shipments.ingest(s.id(),
				dev.beacon.shipment.CarrierUpdate.of(List.of(
						new dev.beacon.shipment.RawScan("OD", "Out for delivery", "{}", t, null, null, memphis, null),
						new dev.beacon.shipment.RawScan("EX", "Incorrect address", "{}", t.plusSeconds(60), null, null,
								memphis, null)),
						null),
				dev.beacon.shipment.TransitionCause.POLL);
		deliver();
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsExactly("Your Acme Outdoor order A-150 is confirmed", "Your order A-150 is on its way",
					"Action needed: address problem with order A-150");
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.OUT_FOR_DELIVERY)
			.singleElement()
			.satisfies((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SUPERSEDED));
	}

	@Test
	void aBurstOfTransitionsCoalescesIntoOneMessageNewestWins() {
		String email = uniqueEmail();
		Order order = order("A-102", email, null, "en");
		ShipmentView s = ship("A-102");
		deliver();
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery"); // 10 s later, inside the hold window
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsExactly("Your Acme Outdoor order A-102 is confirmed", "Order A-102 is out for delivery");
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.SHIPPED).singleElement().satisfies((v) -> {
			assertThat(v.status()).isEqualTo(MessageStatus.SUPERSEDED);
			assertThat(v.statusText()).contains("superseded by a newer update (out for delivery)");
		});
	}

	@Test
	void exceptionsTellWhatToDo() {
		String email = uniqueEmail();
		order("A-103", email, null, "es");
		ShipmentView s = ship("A-103");
		scan(s, "PU", "Picked up");
		deliver();
		scan(s, "EX", "Exception: address incomplete");
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.contains("Acción necesaria: problema con la dirección del pedido A-103");
		String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo(email).get(mailsTo(email).size() - 1));
		assertThat(body).contains("Qu=C3=A9 tienes que hacer").doesNotContain("{");

		String email2 = uniqueEmail();
		order("A-104", email2, null, "de");
		ShipmentView lost = ship("A-104");
		scan(lost, "PU", "Picked up");
		deliver();
		scan(lost, "EX", "Parcel lost in network");
		deliver();
		String email3 = uniqueEmail();
		order("A-105", email3, null, "fr");
		ShipmentView back = ship("A-105");
		scan(back, "PU", "Picked up");
		deliver();
		scan(back, "RT", "Returned to sender");
		deliver();
		assertThat(mailsTo(email2)).extracting(NotificationTriggersTests::subject)
			.contains("Ihre Bestellung A-104 ist möglicherweise verloren");
		assertThat(mailsTo(email3)).extracting(NotificationTriggersTests::subject)
			.contains("Votre commande A-105 retourne chez Acme Outdoor");
	}

	@Test
	void attemptedPickupAndNeighbourDeliveriesHaveTheirOwnWords() {
		String email = uniqueEmail();
		order("A-106", email, null, "en");
		ShipmentView s = ship("A-106");
		scan(s, "PU", "Picked up");
		deliver();
		scan(s, "DA", "Delivery attempted, no one home");
		deliver();
		scan(s, "AP", "Available for pickup at access point");
		deliver();
		scan(s, "DL", "Delivered to neighbour at no. 12");
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsSubsequence("We missed you: order A-106", "Order A-106 is ready for pickup",
					"Order A-106 was left with a neighbour");
		String last = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo(email).get(mailsTo(email).size() - 1));
		assertThat(last).contains("Delivered to neighbour at no. 12");
	}

	@Test
	void aSlippedWindowTellsTheNewDate() {
		String email = uniqueEmail();
		order("A-107", email, null, "en");
		ShipmentView s = ship("A-107");
		scan(s, "PU", "Picked up", new ScanLocation("Memphis", "TN", null, "US"),
				new DeliveryWindow(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 5)));
		deliver();
		scan(s, "DE", "Weather delay", new ScanLocation("Memphis", "TN", null, "US"),
				new DeliveryWindow(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9)));
		deliver();
		List<MimeMessage> mails = mailsTo(email);
		assertThat(mails).extracting(NotificationTriggersTests::subject).contains("Order A-107 is running late");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get(mails.size() - 1)))
			.contains("Monday, March 9");
	}

	@Test
	void arrivingInTheDestinationCountryIsTheMeaningfulInTransitNews() {
		String email = uniqueEmail();
		Order order = order("A-108", email, null, "en");
		ShipmentView s = ship("A-108");
		scan(s, "PU", "Picked up", new ScanLocation("Leipzig", null, null, "DE"), null);
		deliver();
		scan(s, "IT", "Departed hub", new ScanLocation("Leipzig", null, null, "DE"), null);
		deliver();
		scan(s, "IT", "Arrived at facility", new ScanLocation("Louisville", "KY", null, "US"), null);
		deliver();
		scan(s, "IT", "Departed facility", new ScanLocation("Memphis", "TN", null, "US"), null);
		deliver();
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.IN_TRANSIT_UPDATE)
			.singleElement()
			.satisfies(
					(v) -> assertThat(v.subject()).isEqualTo("Order A-108: your parcel arrived in Louisville, KY, US"));
		MimeMessage update = mailsTo(email).get(mailsTo(email).size() - 1);
		assertThat(header(update, "List-Unsubscribe")).contains("/notifications/unsubscribe/");
		assertThat(header(update, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
	}

	@Test
	void arrivingTomorrowAndStalledComeFromTheScheduledCheck() {
		String email = uniqueEmail();
		Order order = order("A-109", email, null, "en");
		ShipmentView s = ship("A-109");
		scan(s, "PU", "Picked up", new ScanLocation("Memphis", "TN", null, "US"),
				new DeliveryWindow(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 4)));
		deliver();
		this.checks.check();
		this.checks.check();
		deliver();
		assertThat(messages(order)).filteredOn((v) -> v.trigger() == Trigger.ARRIVING_TOMORROW)
			.singleElement()
			.satisfies((v) -> assertThat(v.status()).isEqualTo(MessageStatus.SENT));

		String email2 = uniqueEmail();
		Order quiet = order("A-110", email2, null, "en");
		ShipmentView q = ship("A-110");
		scan(q, "PU", "Picked up");
		deliver();
		elapse(Duration.ofDays(2));
		this.checks.check();
		deliver();
		assertThat(messages(quiet)).noneMatch((v) -> v.trigger() == Trigger.STALLED);
		elapse(Duration.ofDays(2)); // sandbox threshold P3D passed
		this.checks.check();
		this.checks.check();
		deliver();
		assertThat(messages(quiet)).filteredOn((v) -> v.trigger() == Trigger.STALLED)
			.singleElement()
			.satisfies((v) -> assertThat(v.subject()).isEqualTo("Order A-110: no movement for a while"));
	}

	@Test
	void aHelpRequestIsAcknowledgedToTheGivenContact() {
		String email = uniqueEmail();
		String contact = uniqueEmail();
		Order order = order("A-111", email, null, "en");
		deliver();
		this.support.raise(this.storeId, order.getId(), null, HelpTopic.WHERE_IS_IT, "Where is it?", contact, "page");
		deliver();
		assertThat(mailsTo(contact)).extracting(NotificationTriggersTests::subject)
			.containsExactly("We got your message about order A-111");
	}

	@Test
	void helpRequestsAreAcknowledgedAtMostOncePerOrderPerHour() {
		String email = uniqueEmail();
		Order order = order("A-112", email, null, "en");
		deliver();
		this.support.raise(this.storeId, order.getId(), null, HelpTopic.WHERE_IS_IT, "Where is it?", null, "page");
		deliver(); // two minutes
		elapse(Duration.ofMinutes(57)); // 59 minutes after the first
		this.support.raise(this.storeId, order.getId(), null, HelpTopic.WHERE_IS_IT, "Anyone?", null, "page");
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsExactly("Your Acme Outdoor order A-112 is confirmed", "We got your message about order A-112");
		elapse(Duration.ofMinutes(2)); // over an hour after the first
		this.support.raise(this.storeId, order.getId(), null, HelpTopic.WHERE_IS_IT, "Still here", null, "page");
		deliver();
		assertThat(mailsTo(email)).extracting(NotificationTriggersTests::subject)
			.containsExactly("Your Acme Outdoor order A-112 is confirmed", "We got your message about order A-112",
					"We got your message about order A-112");
	}

	static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String header(MimeMessage m, String name) {
		try {
			String[] h = m.getHeader(name);
			return (h != null) ? h[0] : "";
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
