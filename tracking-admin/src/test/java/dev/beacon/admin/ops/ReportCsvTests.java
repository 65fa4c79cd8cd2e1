package dev.beacon.admin.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Report CSV cells: formula injection is judged on the first character only. */
class ReportCsvTests {

	@Test
	void aCellStartingWithAFormulaCharacterIsQuotedEvenWithALineBreakAfterIt() {
		assertThat(ReportsController.Csv.cell("=HYPERLINK(1)\nx")).isEqualTo("\"'=HYPERLINK(1)\nx\"");
		assertThat(ReportsController.Csv.cell("+1\r\nx")).isEqualTo("\"'+1\r\nx\"");
		assertThat(ReportsController.Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ReportsController.Csv.cell("-")).isEqualTo("'-");
		assertThat(ReportsController.Csv.cell("ground, 2 day")).isEqualTo("\"ground, 2 day\"");
		assertThat(ReportsController.Csv.cell("ups")).isEqualTo("ups");
		assertThat(ReportsController.Csv.cell("")).isEmpty();
	}

}
