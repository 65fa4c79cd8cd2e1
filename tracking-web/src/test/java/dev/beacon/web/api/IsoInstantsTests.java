package dev.beacon.web.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

	@Test
	void writesEveryInstantAsIsoInstantDoes() {
		Random random = new Random(13);
		long first = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
		long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 200_000; i++) {
			long seconds = first + (long) (random.nextDouble() * (end - first));
			int nano = switch (i % 5) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				case 3 -> random.nextInt(1_000_000_000);
				default -> (i % 2 == 0) ? 1 : 999_999_999;
			};
			if (i % 7 == 0) {
				seconds -= Math.floorMod(seconds, 60); // whole minutes: ISO_INSTANT still
														// writes :00
			}
			Instant t = Instant.ofEpochSecond(seconds, nano);
			assertThat(IsoInstants.format(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t));
		}
	}

	@Test
	void edgesAndYearsOutsideFourDigitsAreIsoInstantsOwn() {
		for (String text : new String[] { "1970-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59.500Z",
				"9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-06-30T12:00:00.010Z",
				"2026-08-28T10:43:09.268932Z", "2026-02-28T23:00:00.100Z" }) {
			Instant t = Instant.parse(text);
			assertThat(IsoInstants.format(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t));
		}
	}

	@Test
	void theApisJsonIsTheSameWithAndWithoutIt() {
		JsonMapper plain = JsonMapper.builder().build();
		JsonMapper fast = JsonMapper.builder()
			.addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstants.Serializer()))
			.build();
		Times value = new Times(Instant.parse("2026-08-28T10:43:09.268932Z"), null,
				Instant.parse("2026-08-28T10:43:00Z"), Instant.parse("2026-08-28T10:43:09.268932123Z"));
		String written = fast.writeValueAsString(value);
		assertThat(written).isEqualTo(plain.writeValueAsString(value));
		assertThat(written).isEqualTo("{\"at\":\"2026-08-28T10:43:09.268932Z\",\"none\":null,"
				+ "\"minute\":\"2026-08-28T10:43:00Z\",\"patterned\":\"2026-08-28\"}");
	}

	@Test
	void theCopiesJacksonMakesForEachPropertyKeepTheFastForm() {
		IsoInstants.Serializer serializer = new IsoInstants.Serializer();
		assertThat(serializer.withFeatures(null, null)).isInstanceOf(IsoInstants.Serializer.class);
		assertThat(serializer.withFormat(null, null, null)).isInstanceOf(IsoInstants.Serializer.class);
	}

	record Times(Instant at, Instant none, Instant minute,
			@JsonFormat(pattern = "yyyy-MM-dd", timezone = "UTC") Instant patterned) {
	}

}
