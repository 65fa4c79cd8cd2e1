package dev.beacon.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.beacon.status.DeliveryWindow;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class StatusFoldTests {

	private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	private final Shipment shipment = new Shipment(UUID.randomUUID(), UUID.randomUUID(), "sandbox", true,
			"SBX0000000001", null, null, T0);

	private TrackingEvent event(String code, Milestone m, Health h, Reason r, int hours) {
		RawScan scan = new RawScan(code, code + " text", "{}", T0.plusSeconds(hours * 3600L), null, null,
				new ScanLocation("MEMPHIS", "TN", null, "US"), null);
		return new TrackingEvent(this.shipment, "sandbox", scan, new Normalization(m, h, r, false, "r-" + code), "1",
				"poll", T0);
	}

	@Test
	void aReturnToSenderStaysAnExceptionThroughTheTransitScansOfTheReturnLeg() {
		ShipmentState s = StatusFold.fold(List.of(event("03", Milestone.PICKED_UP, Health.ON_TRACK, null, 1),
				event("09", Milestone.RETURNING, Health.EXCEPTION, Reason.RETURN_TO_SENDER, 20),
				event("10", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 30),
				event("OF", Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, null, 40)), null);
		assertThat(s.milestone()).isEqualTo(Milestone.RETURNING);
		assertThat(s.health()).isEqualTo(Health.EXCEPTION);
		assertThat(s.reason()).isEqualTo(Reason.RETURN_TO_SENDER);
	}

	@Test
	void emptyHistoryIsLabelCreatedOnTrack() {
		ShipmentState s = StatusFold.fold(List.of(), null);
		assertThat(s.milestone()).isEqualTo(Milestone.LABEL_CREATED);
		assertThat(s.health()).isEqualTo(Health.ON_TRACK);
		assertThat(s.lastEventAt()).isNull();
	}

	@Test
	void milestoneFollowsScansInTimeOrder() {
		ShipmentState s = StatusFold.fold(List.of(event("PU", Milestone.PICKED_UP, Health.ON_TRACK, null, 1),
				event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 5),
				event("OD", Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, null, 30)), null);
		assertThat(s.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(s.statusLocation()).isEqualTo("Memphis, TN, US");
		assertThat(s.lastEventAt()).isEqualTo(T0.plusSeconds(30 * 3600L));
	}

	@Test
	void aLowerMilestoneLaterInTimeDoesNotMoveTheShipmentBack() {
		// e.g. an "in transit" hub scan recorded after the parcel was already out for
		// delivery
		ShipmentState s = StatusFold.fold(List.of(event("OD", Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, null, 10),
				event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 11)), null);
		assertThat(s.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
	}

	@Test
	void deliveredIsFinalAndClearsDelay() {
		ShipmentState s = StatusFold.fold(List.of(event("DE", Milestone.IN_TRANSIT, Health.DELAYED, Reason.WEATHER, 5),
				event("DL", Milestone.DELIVERED, Health.ON_TRACK, null, 40),
				event("IT", Milestone.IN_TRANSIT, Health.DELAYED, Reason.CARRIER, 41)), null);
		assertThat(s.milestone()).isEqualTo(Milestone.DELIVERED);
		assertThat(s.health()).isEqualTo(Health.ON_TRACK);
		assertThat(s.reason()).isNull();
		assertThat(s.deliveredAt()).isEqualTo(T0.plusSeconds(40 * 3600L));
	}

	@Test
	void aSecondAttemptAfterAFailedOneIsProgress() {
		ShipmentState s = StatusFold
			.fold(List.of(event("DA", Milestone.DELIVERY_ATTEMPTED, Health.ACTION_REQUIRED, Reason.CONSIGNEE, 10),
					event("OD", Milestone.OUT_FOR_DELIVERY, Health.ON_TRACK, null, 30)), null);
		assertThat(s.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(s.health()).isEqualTo(Health.ON_TRACK);
	}

	@Test
	void healthAndReasonComeFromTheMostRecentScan() {
		List<TrackingEvent> events = new ArrayList<>();
		events.add(event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 1));
		events.add(event("EX", Milestone.IN_TRANSIT, Health.ACTION_REQUIRED, Reason.ADDRESS, 8));
		ShipmentState s = StatusFold.fold(events, null);
		assertThat(s.health()).isEqualTo(Health.ACTION_REQUIRED);
		assertThat(s.reason()).isEqualTo(Reason.ADDRESS);
	}

	@Test
	void expiredWhenSilentSinceExpiry() {
		List<TrackingEvent> events = List.of(event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 1));
		ShipmentState expired = StatusFold.fold(events, T0.plusSeconds(100 * 3600L));
		assertThat(expired.milestone()).isEqualTo(Milestone.EXPIRED);
		assertThat(expired.reason()).isEqualTo(Reason.SILENT);
		ShipmentState alive = StatusFold.fold(List.of(event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 200)),
				T0.plusSeconds(100 * 3600L));
		assertThat(alive.milestone()).isEqualTo(Milestone.IN_TRANSIT);
	}

	@Test
	void windowPastThePromiseMakesALiveShipmentDelayed() {
		ShipmentState s = StatusFold.fold(List.of(event("IT", Milestone.IN_TRANSIT, Health.ON_TRACK, null, 1)), null);
		LocalDate promise = LocalDate.of(2026, 3, 5);
		ShipmentState late = StatusFold.overlay(s, new DeliveryWindow(promise, promise.plusDays(2)), promise);
		assertThat(late.health()).isEqualTo(Health.DELAYED);
		assertThat(late.reason()).isEqualTo(Reason.CARRIER);
		ShipmentState onTime = StatusFold.overlay(s, new DeliveryWindow(promise.minusDays(1), promise), promise);
		assertThat(onTime.health()).isEqualTo(Health.ON_TRACK);
	}

	@Test
	void overlayNeverHidesAWorseHealth() {
		ShipmentState s = StatusFold
			.fold(List.of(event("EX", Milestone.IN_TRANSIT, Health.ACTION_REQUIRED, Reason.ADDRESS, 1)), null);
		LocalDate promise = LocalDate.of(2026, 3, 5);
		assertThat(StatusFold.overlay(s, new DeliveryWindow(promise, promise.plusDays(3)), promise).health())
			.isEqualTo(Health.ACTION_REQUIRED);
	}

}
