package dev.beacon.shipment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.beacon.status.Health;
import dev.beacon.status.Milestone;
import dev.beacon.status.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MappingTableTests {

	private static MappingTable csv(String text) throws IOException {
		return MappingTable.fromCsv("x", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void textRulesWinOverPlainCodeRules() throws IOException {
		MappingTable t = csv("""
				# version: 7
				rule_id,code,text_pattern,milestone,health,reason,action_required
				de,DE,,IN_TRANSIT,DELAYED,CARRIER,false
				wx,DE,weather|storm,IN_TRANSIT,DELAYED,WEATHER,false
				any,*,out for delivery,OUT_FOR_DELIVERY,ON_TRACK,,false
				""");
		assertThat(t.version()).isEqualTo("7");
		assertThat(t.match("de", "Delay: severe WEATHER in area").reason()).isEqualTo(Reason.WEATHER);
		assertThat(t.match("DE", "Late trailer").ruleId()).isEqualTo("de");
		assertThat(t.match("ZZ", "Out for delivery today").milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
		assertThat(t.match("ZZ", "Something else")).isNull();
	}

	@Test
	void aCodeMappedToTwoResultsDoesNotLoad() {
		assertThatIllegalStateException().isThrownBy(() -> csv("""
				# version: 1
				rule_id,code,text_pattern,milestone,health,reason,action_required
				a,DL,,DELIVERED,ON_TRACK,,false
				b,DL,,IN_TRANSIT,ON_TRACK,,false
				""")).withMessageContaining("two results");
	}

	@Test
	void aTableWithoutVersionOrWithBadValuesDoesNotLoad() {
		assertThatIllegalStateException()
			.isThrownBy(() -> csv("rule_id,code,text_pattern,milestone,health,reason,action_required\n"))
			.withMessageContaining("version");
		assertThatIllegalStateException().isThrownBy(() -> csv("""
				# version: 1
				rule_id,code,text_pattern,milestone,health,reason,action_required
				a,DL,,ARRIVED,ON_TRACK,,false
				""")).withMessageContaining("line 3");
	}

	@Test
	void unknownCodesAreInformationalUnderTheUnmappedRule() {
		Normalizer normalizer = new Normalizer(
				List.of(MappingTable.fromClasspath("sandbox", "normalization/test-carrier.csv")));
		Normalization n = normalizer.normalize("sandbox", "??", "strange");
		assertThat(n.milestone()).isNull();
		assertThat(n.health()).isEqualTo(Health.ON_TRACK);
		assertThat(n.ruleId()).isEqualTo("sandbox:unmapped");
		assertThat(normalizer.normalize("sandbox", "DL", "Delivered").milestone()).isEqualTo(Milestone.DELIVERED);
	}

}
