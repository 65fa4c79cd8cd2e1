package dev.beacon.common;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	@Test
	void skipsWeekendsAndTheDestinationsHolidays() {
		LocalDate thursday = LocalDate.of(2025, 7, 3); // before the 4th of July
		assertThat(BusinessCalendar.addBusinessDays(thursday, 1, "US")).isEqualTo(LocalDate.of(2025, 7, 7));
		assertThat(BusinessCalendar.businessDaysBetween(LocalDate.of(2025, 11, 26), LocalDate.of(2025, 12, 1), "US"))
			.isEqualTo(2); // Thanksgiving and the weekend skipped
		assertThat(BusinessCalendar.addBusinessDays(LocalDate.of(2025, 4, 18), 1, "BR"))
			.isEqualTo(LocalDate.of(2025, 4, 22)); // Tiradentes (21 April) skipped
		assertThat(BusinessCalendar.addBusinessDays(LocalDate.of(2025, 12, 24), 1, null))
			.isEqualTo(LocalDate.of(2025, 12, 26)); // unknown country: Christmas still
													// skipped
		assertThat(BusinessCalendar.isPeak(LocalDate.of(2025, 12, 10))).isTrue();
		assertThat(BusinessCalendar.isPeak(LocalDate.of(2025, 11, 19))).isFalse();
	}

	@Test
	void brazilSkipsCarnivalGoodFridayAndCorpusChristi() {
		assertThat(BusinessCalendar.easter(2018)).isEqualTo(LocalDate.of(2018, 4, 1));
		assertThat(BusinessCalendar.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(BusinessCalendar.isHoliday(LocalDate.of(2018, 2, 12), "BR")).isTrue(); // Carnival
																							// Monday
		assertThat(BusinessCalendar.isHoliday(LocalDate.of(2018, 2, 13), "BR")).isTrue(); // Carnival
																							// Tuesday
		assertThat(BusinessCalendar.isHoliday(LocalDate.of(2018, 3, 30), "BR")).isTrue(); // Good
																							// Friday
		assertThat(BusinessCalendar.isHoliday(LocalDate.of(2018, 5, 31), "BR")).isTrue(); // Corpus
																							// Christi
		assertThat(BusinessCalendar.isHoliday(LocalDate.of(2018, 3, 30), "US")).isFalse();
		assertThat(BusinessCalendar.businessDaysBetween(LocalDate.of(2018, 2, 9), LocalDate.of(2018, 2, 15), "BR"))
			.isEqualTo(2); // weekend, Carnival Monday and Tuesday skipped
	}

}
