package dev.beacon.web.page;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import dev.beacon.shipment.EstimateConfidence;
import dev.beacon.shipment.ShipmentView;
import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;
import dev.beacon.support.HelpTopic;
import dev.beacon.web.page.PageModels.Summary;
import dev.beacon.web.page.PageModels.Tone;

import static org.assertj.core.api.Assertions.assertThat;

/** What a shipment's state says to a shopper, on a fixed clock, without Spring. */
class ShopperStatusTests {

	static final ZoneId ZONE = ZoneId.of("America/Chicago");

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	final ShopperStatus status;

	ShopperStatusTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/web/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.status = new ShopperStatus(messages, new PageDates(CLOCK, messages));
	}

	static ShipmentView shipment(Milestone m, Health h, @Nullable Reason r, @Nullable DeliveryWindow estimate,
			@Nullable String where) {
		return new ShipmentView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "sandbox", false, "SBX1", null,
				null, m, h, r, h == Health.ACTION_REQUIRED, null, where, estimate, null, null, null, null, null, null,
				null, Instant.parse("2026-11-20T10:00:00Z"), List.of(), "Sandbox Express", null, null);
	}

	private Summary summary(ShipmentView s) {
		return this.status.summary("Northwind Coffee", ZONE, s, null, Locale.ENGLISH);
	}

	@Test
	void aParcelWaitingAtAPickupPointIsReadyForPickupNotAProblem() {
		for (Health h : new Health[] { Health.ON_TRACK, Health.ACTION_REQUIRED }) {
			Summary s = summary(shipment(Milestone.AVAILABLE_FOR_PICKUP, h, Reason.HELD, null, "Memphis, TN"));
			assertThat(s.headline()).isEqualTo("Ready for pickup");
			assertThat(s.tone()).isEqualTo(Tone.OK);
			assertThat(s.helpTopic()).isNull();
		}
	}

	@Test
	void aLostParcelShowsNoEstimate() {
		DeliveryWindow passed = new DeliveryWindow(TODAY.minusDays(3), TODAY.plusDays(1));
		Summary lost = summary(shipment(Milestone.IN_TRANSIT, Health.EXCEPTION, Reason.LOST, passed, null));
		assertThat(lost.headline()).isEqualTo("Problem: package lost");
		assertThat(lost.window()).isNull();
	}

	@Test
	void aWindowThatEndedIsNotShownAsToday() {
		DeliveryWindow ended = new DeliveryWindow(TODAY.minusDays(5), TODAY.minusDays(2));
		Summary s = summary(shipment(Milestone.IN_TRANSIT, Health.DELAYED, Reason.WEATHER, ended, null));
		assertThat(s.window()).doesNotStartWith("Estimated delivery");
		DeliveryWindow open = new DeliveryWindow(TODAY.minusDays(1), TODAY.plusDays(1));
		Summary t = summary(shipment(Milestone.IN_TRANSIT, Health.ON_TRACK, null, open, null));
		assertThat(t.window()).isEqualTo("Estimated delivery: Wednesday, November 25 to Thursday, November 26");
	}

	@Test
	void aLearnedWindowSaysHowSureItIsAndASlippedOneSaysWhy() {
		DeliveryWindow window = new DeliveryWindow(TODAY.plusDays(6), TODAY.plusDays(8));
		ShipmentView s = shipment(Milestone.IN_TRANSIT, Health.DELAYED, Reason.WEATHER, window, null);
		EstimateConfidence stated = (id, w) -> (id.equals(s.id()) && w.equals(window))
				? Optional.of(new EstimateConfidence.Stated(0.936, TODAY.plusDays(5))) : Optional.empty();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/web/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ShopperStatus sure = new ShopperStatus(messages, new PageDates(CLOCK, messages), Optional.of(stated));
		Summary en = sure.summary("Northwind Coffee", ZONE, s, null, Locale.ENGLISH);
		assertThat(en.window()).isEqualTo("Estimated delivery: Tuesday, December 1 to Thursday, December 3");
		assertThat(en.windowSure()).isEqualTo("9 in 10 similar orders arrived by Thursday, December 3.");
		assertThat(en.windowNote()).isEqualTo("Later than first promised (Monday, November 30) because of: weather.");
		Summary pt = sure.summary("Northwind Coffee", ZONE, s, null, Locale.forLanguageTag("pt-BR"));
		assertThat(pt.windowSure())
			.isEqualTo("9 em cada 10 pedidos semelhantes chegaram até quinta-feira, 3 de dezembro.");
		// the store's own promise, if earlier, is the one the window slipped from
		Summary store = sure.summary("Northwind Coffee", ZONE, s, TODAY.plusDays(4), Locale.ENGLISH);
		assertThat(store.windowNote())
			.isEqualTo("Later than first promised (Sunday, November 29) because of: weather.");
		// not slipped, on track: no note; a window the engine did not state: no sentence
		ShipmentView onTrack = shipment(Milestone.IN_TRANSIT, Health.ON_TRACK, null, window, null);
		Summary plain = sure.summary("Northwind Coffee", ZONE, onTrack, TODAY.plusDays(9), Locale.ENGLISH);
		assertThat(plain.windowSure()).isNull();
		assertThat(plain.windowNote()).isNull();
		// slipped without a known reason: the note says so without a reason
		Summary noReason = sure.summary("Northwind Coffee", ZONE, onTrack, TODAY.plusDays(5), Locale.ENGLISH);
		assertThat(noReason.windowNote()).isEqualTo("Later than first promised (Monday, November 30).");
	}

}
