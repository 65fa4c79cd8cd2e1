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

}
