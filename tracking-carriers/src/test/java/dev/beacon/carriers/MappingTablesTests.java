package dev.beacon.carriers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.beacon.shipment.MappingRule;
import dev.beacon.shipment.MappingTable;
import dev.beacon.shipment.Normalization;
import dev.beacon.status.Health;
import dev.beacon.status.Milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MappingTablesTests {

	static MappingTable table(String carrier) {
		return MappingTable.fromClasspath(carrier, "carriers/mapping/" + carrier + ".csv");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ups", "fedex", "usps", "dhl", "sandbox", "17track", "easypost", "store" })
	void everyTableLoadsAndNoRawCodeMapsToTwoResults(String carrier) {
		MappingTable table = table(carrier);
		assertThat(table.version()).isNotBlank();
		Map<String, Normalization> seen = new HashMap<>();
		for (MappingRule rule : table.rules()) {
			assertThat(rule.ruleId()).startsWith(switch (carrier) {
				case "sandbox" -> "sbx-";
				case "17track" -> "17t-";
				default -> carrier + "-";
			});
			String key = rule.code().toUpperCase() + "|"
					+ ((rule.textPattern() != null) ? rule.textPattern().pattern() : "");
			Normalization result = rule.result();
			Normalization previous = seen.putIfAbsent(key, result);
			assertThat(previous).as("%s %s maps once", carrier, key).isNull();
		}
	}

	@Test
	void aTableWithAConflictDoesNotLoad() {
		String csv = "# version: 1\nrule_id,code,text_pattern,milestone,health,reason,action_required\n"
				+ "a,DL,,DELIVERED,ON_TRACK,,false\nb,DL,,IN_TRANSIT,ON_TRACK,,false\n";
		assertThatIllegalStateException()
			.isThrownBy(() -> MappingTable.fromCsv("x", new java.io.ByteArrayInputStream(csv.getBytes())));
	}

	@ParameterizedTest(name = "{0} {1} ''{2}'' -> {3} {4}")
	@CsvSource(delimiter = '|', value = {
			// FedEx: out for delivery arrives with derived code IT; the event type
			// decides
			"fedex|OD|On FedEx vehicle for delivery|OUT_FOR_DELIVERY|ON_TRACK",
			"fedex|HP|Ready for recipient pickup|AVAILABLE_FOR_PICKUP|ACTION_REQUIRED",
			"fedex|DE|Delivery exception: Incorrect address|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			"fedex|DL|Delivered|DELIVERED|ON_TRACK",
			"fedex|OC|Shipment information sent to FedEx|LABEL_CREATED|ON_TRACK",
			"fedex|OF|At FedEx origin facility|IN_TRANSIT|ON_TRACK",
			"ups|021|Out For Delivery Today|OUT_FOR_DELIVERY|ON_TRACK", "ups|011|DELIVERED|DELIVERED|ON_TRACK",
			"ups|003|Shipper created a label|LABEL_CREATED|ON_TRACK",
			"ups|022|The receiver was not available for delivery|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			"ups|032|Severe weather conditions have delayed delivery||DELAYED",
			"usps|OF|Out for Delivery|OUT_FOR_DELIVERY|ON_TRACK", "usps|01|Delivered, Parcel Locker|DELIVERED|ON_TRACK",
			"usps|GX|Shipping Label Created|LABEL_CREATED|ON_TRACK",
			"usps|52|Notice Left (No Authorized Recipient Available)|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			// DHL: the status code is coarse; the description decides
			"dhl|transit|Die Sendung wurde in das Zustellfahrzeug geladen.|OUT_FOR_DELIVERY|ON_TRACK",
			"dhl|transit|Shipment is out with courier for delivery|OUT_FOR_DELIVERY|ON_TRACK",
			"dhl|transit|Die Sendung wurde vom Absender in der Filiale eingeliefert.|PICKED_UP|ON_TRACK",
			"dhl|transit|Shipment picked up|PICKED_UP|ON_TRACK",
			"dhl|transit|Ready for pickup at the DHL Service Point|AVAILABLE_FOR_PICKUP|ACTION_REQUIRED",
			"dhl|failure|Delivery attempted; recipient not home|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			"dhl|transit|Processed at AMSTERDAM - NETHERLANDS|IN_TRANSIT|ON_TRACK",
			"dhl|delivered|Die Sendung wurde zugestellt.|DELIVERED|ON_TRACK",
			"fedex|EP_out_for_delivery|Out for delivery|OUT_FOR_DELIVERY|ON_TRACK",
			"sandbox|DA|Delivery attempted: no one available to sign|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			"easypost|EP_out_for_delivery|Out for delivery|OUT_FOR_DELIVERY|ON_TRACK",
			"store|SH_ready_for_pickup|Ready for pickup|AVAILABLE_FOR_PICKUP|ACTION_REQUIRED",
			// 17TRACK: the sub-status decides; the stage reads events without one
			"17track|DeliveryFailure_InvalidAddress|Address incomplete|DELIVERY_ATTEMPTED|ACTION_REQUIRED",
			"17track|Exception_Returning|Returning to sender|RETURNING|EXCEPTION",
			"17track|Exception_Delayed|Delayed||DELAYED", "17track|Delivered_Other|Delivered|DELIVERED|ON_TRACK",
			"17track|OutForDelivery|With courier|OUT_FOR_DELIVERY|ON_TRACK" })
	void carrierTrapsAreMappedOnTheRightField(String carrier, String code, String text, @Nullable String milestone,
			String health) {
		Normalization n = table(carrier).match(code, text);
		assertThat(n).isNotNull();
		assertThat(n.milestone()).isEqualTo((milestone == null) ? null : Milestone.valueOf(milestone));
		assertThat(n.health()).isEqualTo(Health.valueOf(health));
	}

	@ParameterizedTest(name = "{0} {1} ''{2}'' -> {3} {4} {5}")
	@CsvSource(delimiter = '|', value = {
			// damage scans name the damage, whatever the exception code
			"fedex|SE|Package damaged in transit; contents being inspected||EXCEPTION|DAMAGED",
			"fedex|DE|Package damaged; recipient notified||EXCEPTION|DAMAGED",
			"dhl|failure|Shipment damaged during handling||EXCEPTION|DAMAGED",
			"dhl|transit|The shipment was damaged and is being repacked||EXCEPTION|DAMAGED",
			// DHL events that carry only free text (no statusCode: read as 'unknown')
			"dhl|unknown|The recipient was not at home; delivery attempt failed|DELIVERY_ATTEMPTED|ACTION_REQUIRED|CONSIGNEE",
			"dhl|unknown|The shipment is ready to be collected at the Parcelshop|AVAILABLE_FOR_PICKUP|ACTION_REQUIRED|HELD",
			"dhl|transit|Your parcel can be collected from the DHL Service Point|AVAILABLE_FOR_PICKUP|ACTION_REQUIRED|HELD",
			"dhl|transit|Delivery failed: recipient not available|DELIVERY_ATTEMPTED|ACTION_REQUIRED|CONSIGNEE" })
	void journeysOfEachKindReadTheirReason(String carrier, String code, String text, @Nullable String milestone,
			String health, String reason) {
		Normalization n = table(carrier).match(code, text);
		assertThat(n).isNotNull();
		assertThat(n.milestone()).isEqualTo((milestone == null) ? null : Milestone.valueOf(milestone));
		assertThat(n.health()).isEqualTo(Health.valueOf(health));
		assertThat(n.reason()).isEqualTo(dev.beacon.status.Reason.valueOf(reason));
	}

	@Test
	void seventeenTrackDamageAndLossNameTheirReason() {
		assertThat(table("17track").match("Exception_Damage", "Item damaged").reason())
			.isEqualTo(dev.beacon.status.Reason.DAMAGED);
		assertThat(table("17track").match("Exception_Lost", "Lost").reason()).isEqualTo(dev.beacon.status.Reason.LOST);
		assertThat(table("17track").match("Exception_Damage", "Item damaged").ruleId()).isEqualTo("17t-damage");
	}

	@Test
	void informationalCodesMoveNothing() {
		for (String carrier : List.of("ups", "fedex")) {
			MappingTable t = table(carrier);
			Normalization n = carrier.equals("ups") ? t.match("154", "Updated Delivery Date")
					: t.match("RR", "CDO requested");
			assertThat(n).isNotNull();
			assertThat(n.milestone()).isNull();
		}
	}

}
