package dev.beacon.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.beacon.order.Order;
import dev.beacon.shipment.ShipmentView;

import dev.beacon.notify.consent.UnsubscribeTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Quiet hours, consent, opt-out, unsubscribe, store settings and preview. */
class ConsentAndSettingsTests extends NotifyTestSupport {

	static final Instant NIGHT = Instant.parse("2026-03-04T04:00:00Z"); // 22:00 in
																		// Memphis

	@Autowired
	UnsubscribeTokens tokens;

	@Test
	void smsWaitsForTheEndOfQuietHoursInTheShoppersZoneUnlessStaleByThen() {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("C-300", uniqueEmail(), phone, "en");
		ShipmentView s = ship("C-300");
		scan(s, "PU", "Picked up");
		deliver();
		elapse(Duration.between(this.clock.instant(), NIGHT));
		scan(s, "OD", "Out for delivery");
		deliver();
		scan(s, "DL", "Delivered");
		deliver();
		assertThat(smsTo(phone)).isEmpty();
		MessageView delivered = smsOf(order, Trigger.DELIVERED);
		assertThat(delivered.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(delivered.statusText()).isEqualTo("held: quiet hours until 08:00 (America/Chicago)");
		// held for the span until 08:00 in Memphis (14:00 UTC), on the database's clock
		elapse(Duration.between(this.clock.instant(), Instant.parse("2026-03-04T13:57:00Z")));
		deliver(); // 13:59 UTC
		assertThat(smsTo(phone)).isEmpty();
		assertThat(smsOf(order, Trigger.DELIVERED).statusText())
			.isEqualTo("held: quiet hours until 08:00 (America/Chicago)");
		// out for delivery at 22:00 is stale by 08:00
		assertThat(messages(order))
			.filteredOn((v) -> v.channel() == Channel.SMS && v.trigger() == Trigger.OUT_FOR_DELIVERY)
			.allSatisfy((v) -> assertThat(v.status()).isIn(MessageStatus.EXPIRED, MessageStatus.SUPERSEDED));

		deliver(); // 14:01 UTC
		assertThat(smsTo(phone)).extracting(NotifyTestSupport::smsBody)
			.singleElement()
			.satisfies((b) -> assertThat(b).startsWith("Acme Outdoor: order C-300 was delivered."));
		assertThat(smsOf(order, Trigger.DELIVERED).status()).isEqualTo(MessageStatus.SENT);
		assertThat(smsOf(order, Trigger.DELIVERED).attempts()).isEqualTo(1);
	}

	@Test
	void withoutConsentThereIsNoSms() {
		String phone = uniquePhone();
		Order order = order("C-301", uniqueEmail(), phone, "en");
		ShipmentView s = ship("C-301");
		scan(s, "PU", "Picked up");
		scan(s, "OD", "Out for delivery");
		deliver();
		assertThat(messages(order)).noneMatch((v) -> v.channel() == Channel.SMS);
		assertThat(smsTo(phone)).isEmpty();
	}

	@Test
	void aSignedStopWithdrawsConsentAndAStartGivesItBack() throws Exception {
		String phone = uniquePhone();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		Order order = order("C-302", uniqueEmail(), phone, "en");
		ShipmentView s = ship("C-302");
		scan(s, "PU", "Picked up");
		deliver();
		Map<String, String> stop = Map.of("From", phone, "To", FROM, "Body", "Stop", "OptOutType", "STOP", "MessageSid",
				"SM1");
		// forged: wrong signature changes nothing
		this.mvc.perform(form(stop).header("X-Twilio-Signature", "forged"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isTrue();
		this.mvc.perform(form(stop).header("X-Twilio-Signature", twilioSignature(URL, stop)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isFalse();
		scan(s, "OD", "Out for delivery");
		deliver();
		assertThat(messages(order))
			.noneMatch((v) -> v.channel() == Channel.SMS && v.trigger() == Trigger.OUT_FOR_DELIVERY);

		Map<String, String> start = Map.of("From", phone, "To", FROM, "Body", "START", "MessageSid", "SM2");
		this.mvc.perform(form(start).header("X-Twilio-Signature", twilioSignature(URL, start)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isTrue();
		scan(s, "DL", "Delivered");
		deliver();
		assertThat(smsTo(phone)).hasSize(1);
	}

	@Test
	void stopAndStartApplyOncePerMessageSidNeverOutOfOrderAndStartRestoresOnlyWhatStopRemoved() throws Exception {
		String phone = uniquePhone();
		java.util.UUID other = this.stores
			.provision(
					new dev.beacon.store.NewStore("Other", dev.beacon.testing.TestStores.uniqueSlug("sms"), null, null))
			.store()
			.getId();
		this.notifications.recordSmsConsent(this.storeId, phone, true, "checkout");
		this.notifications.recordSmsConsent(other, phone, false, "agent"); // opted out in
																			// store B
		String sid = "SM" + java.util.UUID.randomUUID().toString().replace("-", "");
		Map<String, String> start = Map.of("From", phone, "To", FROM, "Body", "START", "MessageSid", sid + "a");
		Map<String, String> stop = Map.of("From", phone, "To", FROM, "Body", "STOP", "MessageSid", sid + "b");
		Map<String, String> start2 = Map.of("From", phone, "To", FROM, "Body", "START", "MessageSid", sid + "c");
		this.mvc.perform(form(start).header("X-Twilio-Signature", twilioSignature(URL, start)))
			.andExpect(status().isOk());
		this.clock.advance(java.time.Duration.ofMinutes(1));
		this.mvc.perform(form(stop).header("X-Twilio-Signature", twilioSignature(URL, stop)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isFalse();
		// a captured START replayed after the STOP changes nothing
		this.clock.advance(java.time.Duration.ofMinutes(1));
		this.mvc.perform(form(start).header("X-Twilio-Signature", twilioSignature(URL, start)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isFalse();
		// a new START restores store A (STOP withdrew it), never store B (an agent did)
		this.mvc.perform(form(start2).header("X-Twilio-Signature", twilioSignature(URL, start2)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isTrue();
		assertThat(this.notifications.hasSmsConsent(other, phone)).isFalse();
		// the STOP, delivered again later (a retry), is not applied twice
		this.clock.advance(java.time.Duration.ofMinutes(1));
		this.mvc.perform(form(stop).header("X-Twilio-Signature", twilioSignature(URL, stop)))
			.andExpect(status().isOk());
		assertThat(this.notifications.hasSmsConsent(this.storeId, phone)).isTrue();
	}

	@Test
	void anUnsignedOrMalformedWebhookIsRejected() throws Exception {
		Map<String, String> bad = Map.of("From", "not-a-number", "Body", "STOP");
		this.mvc.perform(form(bad)).andExpect(status().isForbidden());
		this.mvc.perform(form(bad).header("X-Twilio-Signature", twilioSignature(URL, bad)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void unsubscribeTokensAreOpaqueAndEarlierSignedLinksStillWork() {
		String email = "opaque." + uniqueEmail();
		String token = this.tokens.token(this.storeId, email);
		String base64 = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.storeId + "\n" + email).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(token).doesNotContain(email)
			.doesNotContain(this.storeId.toString())
			.doesNotContain(base64.substring(0, 20))
			.doesNotContain(".");
		assertThat(this.tokens.verify(token)).contains(new UnsubscribeTokens.Subject(this.storeId, email));
		assertThat(this.tokens.verify(this.tokens.legacyToken(this.storeId, email)))
			.contains(new UnsubscribeTokens.Subject(this.storeId, email));
		char c = token.charAt(20);
		assertThat(this.tokens.verify(token.substring(0, 20) + ((c == 'A') ? 'B' : 'A') + token.substring(21)))
			.isEmpty();
		assertThat(this.tokens.verify("AAAA")).isEmpty();
	}

	@Test
	void unsubscribeStopsOptionalNewsButNotEssentialNewsAndGetNeverUnsubscribes() throws Exception {
		String email = uniqueEmail();
		String token = this.tokens.token(this.storeId, email);
		this.mvc.perform(get("/notifications/unsubscribe/" + token))
			.andExpect(status().isOk())
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("Stop optional updates from Acme Outdoor")));
		assertThat(this.notifications.preferences(this.storeId, email).nonEssential()).isTrue();
		this.mvc
			.perform(post("/notifications/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(this.notifications.preferences(this.storeId, email).nonEssential()).isFalse();
		this.mvc.perform(post("/notifications/unsubscribe/" + token + "x")).andExpect(status().isNotFound());

		Order order = order("C-303", email, null, "en");
		ShipmentView s = ship("C-303");
		scan(s, "PU", "Picked up", new dev.beacon.shipment.ScanLocation("Leipzig", null, null, "DE"), null);
		deliver();
		scan(s, "IT", "Arrived", new dev.beacon.shipment.ScanLocation("Memphis", "TN", null, "US"), null);
		deliver();
		assertThat(messages(order)).extracting(MessageView::trigger)
			.contains(Trigger.ORDER_CONFIRMED, Trigger.SHIPPED)
			.doesNotContain(Trigger.IN_TRANSIT_UPDATE);
	}

	@Test
	void storesChooseChannelsWordingAndSenderAndPreviewIt() throws Exception {
		NotificationSettings s = this.notifications.updateSettings(this.storeId,
				new NotificationSettings("Acme Support", "hello@acme.example", null, null,
						Map.of(Trigger.ORDER_CONFIRMED, EnumSet.noneOf(Channel.class)),
						Map.of("en:shipped.headline", "It is coming, {name}!")));
		assertThat(s.channels().get(Trigger.ORDER_CONFIRMED)).isEmpty();
		assertThat(s.channels().get(Trigger.OUT_FOR_DELIVERY)).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
		String email = uniqueEmail();
		Order order = order("C-304", email, null, "en");
		ShipmentView ship = ship("C-304");
		scan(ship, "PU", "Picked up");
		deliver();
		assertThat(messages(order)).extracting(MessageView::trigger).containsExactly(Trigger.SHIPPED);
		assertThat(mailsTo(email)).singleElement().satisfies((m) -> {
			assertThat(m.getFrom()[0].toString()).isEqualTo("Acme Support <hello@acme.example>");
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).contains("It is coming, Ana!");
		});

		RenderedMessage preview = this.notifications.preview(this.storeId, "shipped", "email", Locale.ENGLISH);
		assertThat(preview.html()).contains("It is coming, Alex!");
		RenderedMessage sms = this.notifications.preview(this.storeId, "delivered.pickup_point", "sms",
				Locale.forLanguageTag("fr-CA"));
		assertThat(sms.locale()).isEqualTo(Locale.FRENCH);
		assertThat(sms.text()).startsWith("Acme Outdoor : commande 1042 en point relais");
		assertThat(sms.smsSegments()).isBetween(1, 2);

		assertThatThrownBy(() -> this.notifications.updateSettings(this.storeId,
				new NotificationSettings(null, "not an address", null, null, Map.of(), Map.of())))
			.isInstanceOf(NotificationException.class)
			.extracting((e) -> ((NotificationException) e).field())
			.isEqualTo("fromAddress");
		assertThatThrownBy(() -> this.notifications.updateSettings(this.storeId,
				new NotificationSettings(null, null, null, null, Map.of(), Map.of("xx:shipped.headline", "x"))))
			.isInstanceOf(NotificationException.class);
		assertThatThrownBy(() -> this.notifications.preview(this.storeId, "teleported", "email", Locale.ENGLISH))
			.isInstanceOf(NotificationException.class);
		// another store's message cannot be resent from here
		MessageView mine = messages(order).get(0);
		assertThatThrownBy(() -> this.notifications.resend(java.util.UUID.randomUUID(), mine.id()))
			.isInstanceOf(NotificationException.class);
	}

	static final String URL = "http://localhost:8080/webhooks/twilio/sms";

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(
			Map<String, String> p) {
		var b = post("/webhooks/twilio/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED);
		p.forEach((k, v) -> b.param(k, v));
		return b;
	}

	private MessageView smsOf(Order order, Trigger trigger) {
		return messages(order).stream()
			.filter((v) -> v.channel() == Channel.SMS && v.trigger() == trigger)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + trigger + " SMS"));
	}

}
