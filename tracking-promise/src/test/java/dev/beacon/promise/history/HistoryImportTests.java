package dev.beacon.promise.history;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.beacon.imports.ImportJob;
import dev.beacon.imports.ImportJobs;
import dev.beacon.promise.HistoryGenerator;
import dev.beacon.promise.HistoryKind;
import dev.beacon.promise.PromiseIntegrationTest;
import dev.beacon.store.Store;
import dev.beacon.store.StorePrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HistoryImportTests extends PromiseIntegrationTest {

	@Autowired
	ImportJobs imports;

	@Autowired
	ImportCommand command;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@Test
	void badRowsAreReportedByLineGoodRowsKeptAndReuploadChangesNothing() throws Exception {
		Store store = store("import");
		String csv = HistoryGenerator.HEADER + "\n"
				+ "H-1,2025-03-03T10:00:00Z,2025-03-04T10:00:00Z,2025-03-06T10:00:00Z,2025-03-07,CA,US,NY,10001,US,ups,ground,delivered\n"
				+ "H-2,yesterday,,,,CA,US,NY,10001,US,ups,ground,\n"
				+ "H-3,2025-03-03T10:00:00Z,2025-03-01T10:00:00Z,,,CA,US,NY,10001,US,ups,ground,in_transit\n"
				+ "H-4,2025-03-03T10:00:00,,,,CA,USA,NY,10001,US,ups,ground,\n"
				+ "H-5,2025-03-03,,,,CA,US,NY,10001,US,ups,,delivered\n"
				+ "\"H-6, quoted\",2025-03-03T10:00:00+02:00,,,,CA,US,NY,10001,US,ups,,\n"
				+ "H-1,2025-03-03T10:00:00Z,,,,CA,US,NY,10001,US,ups,ground,\n"
				+ "H-7,2025-03-03T10:00:00Z,,,,CA,US,NY,10001,US,ups\n";
		Path file = this.dir.resolve("history.csv");
		Files.writeString(file, csv);
		ImportJob job = this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "history.csv", file, (p) -> {
		});
		assertThat(job.status()).isEqualTo("DONE");
		assertThat(job.processedRows()).isEqualTo(8);
		assertThat(job.importedRows()).isEqualTo(2); // H-1 and H-6
		assertThat(job.rejectedRows()).isEqualTo(6);
		assertThat(job.errors()).extracting(ImportJob.RowError::line, ImportJob.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "placed_at"),
					org.assertj.core.groups.Tuple.tuple(4, "shipped_at"),
					org.assertj.core.groups.Tuple.tuple(5, "origin_country"),
					org.assertj.core.groups.Tuple.tuple(6, "delivered_at"),
					org.assertj.core.groups.Tuple.tuple(8, "order_number"),
					org.assertj.core.groups.Tuple.tuple(9, "row"));
		ImportJob again = this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "history.csv", file, (p) -> {
		});
		assertThat(again.importedRows()).isZero();
		assertThat(again.unchangedRows()).isEqualTo(2);
		assertThat(again.rejectedRows()).isEqualTo(6);
	}

	@Test
	void realExportStatusWordsAreMappedAndUnknownCountriesRefusedByLine() throws Exception {
		Store store = store("import-words");
		String csv = HistoryGenerator.HEADER + "\n"
				+ "W-1,2018-03-01T10:00:00Z,2018-03-02T10:00:00Z,2018-03-09T10:00:00Z,2018-03-20,SP,BR,RJ,20000,BR,olist,,delivered\n"
				+ "W-2,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,created\n"
				+ "W-3,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,approved\n"
				+ "W-4,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,invoiced\n"
				+ "W-5,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,Processing\n"
				+ "W-6,2018-03-01T10:00:00Z,2018-03-02T10:00:00Z,,2018-03-20,SP,BR,RJ,20000,BR,olist,,shipped\n"
				+ "W-7,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,canceled\n"
				+ "W-8,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,cancelled\n"
				+ "W-9,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,unavailable\n"
				+ "W-10,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,XX,olist,,created\n"
				+ "W-11,2018-03-01T10:00:00Z,,,2018-03-20,SP,XX,RJ,20000,BR,olist,,created\n"
				+ "W-12,2018-03-01T10:00:00Z,,,2018-03-20,SP,BR,RJ,20000,BR,olist,,teleported\n";
		Path file = this.dir.resolve("words.csv");
		Files.writeString(file, csv);
		ImportJob job = this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "words.csv", file, (p) -> {
		});
		assertThat(job.importedRows()).isEqualTo(9);
		assertThat(job.errors()).extracting(ImportJob.RowError::line, ImportJob.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(11, "destination_country"),
					org.assertj.core.groups.Tuple.tuple(12, "origin_country"),
					org.assertj.core.groups.Tuple.tuple(13, "status"));
		assertThat(job.errors().get(0).message()).isEqualTo("'XX' is not an ISO 3166 country code");
		assertThat(this.jdbc.queryForList(
				"select order_number || '=' || status from delivery_history where store_id = ? order by placed_at, "
						+ "length(order_number), order_number",
				String.class, store.getId()))
			.containsExactly("W-1=DELIVERED", "W-2=PENDING", "W-3=PENDING", "W-4=PENDING", "W-5=PENDING",
					"W-6=IN_TRANSIT", "W-7=CANCELLED", "W-8=CANCELLED", "W-9=CANCELLED");
	}

	@Test
	void aWrongHeaderIsRejectedWhole() throws Exception {
		Store store = store("import-header");
		Path file = this.dir.resolve("bad.csv");
		Files.writeString(file, "order,placed\n1,2\n");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.imports.run(store.getId(), HistoryKind.SHIPMENTS, "bad.csv", file, (p) -> {
			}))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("order_number,placed_at");
	}

	@Test
	void apiAnswers202AndReportsProgressUntilDone() throws Exception {
		Store store = store("import-api");
		Store other = store("import-api-other");
		var auth = authentication(new UsernamePasswordAuthenticationToken(
				new StorePrincipal(store.getId(), store.getSlug()), null, List.of()));
		String csv = HistoryGenerator.csv(12_000, 7, LocalDate.of(2024, 1, 2), "API-");
		var result = this.mvc
			.perform(post("/api/v1/imports/shipments").contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8))
				.with(auth))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn();
		String location = result.getResponse().getHeader("Location");
		String[] body = { "" };
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			body[0] = this.mvc.perform(get(location).with(auth)).andReturn().getResponse().getContentAsString();
			String s = JsonPath.read(body[0], "$.status");
			return s.equals("DONE") || s.equals("FAILED");
		});
		String status = JsonPath.read(body[0], "$.status");
		assertThat(status).isEqualTo("DONE");
		assertThat((Integer) JsonPath.read(body[0], "$.totalRows")).isEqualTo(12_000);
		assertThat((Integer) JsonPath.read(body[0], "$.importedRows")).isEqualTo(12_000);
		var otherAuth = authentication(new UsernamePasswordAuthenticationToken(
				new StorePrincipal(other.getId(), other.getSlug()), null, List.of()));
		this.mvc.perform(get(location).with(otherAuth)).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/imports/shipments").contentType("text/csv").content("nope\n").with(auth))
			.andExpect(status().isBadRequest());
	}

	@Test
	void commandLineImportShowsProgressAndExitCodes() throws Exception {
		Store store = store("import-cli");
		Path file = this.dir.resolve("cli.csv");
		Files.writeString(file, HistoryGenerator.csv(11_000, 3, LocalDate.of(2024, 1, 2), "CLI-"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = this.command.execute(store.getSlug(), file.toString(), new PrintStream(out, true));
		assertThat(code).isZero();
		assertThat(out.toString()).contains("[####").contains("100%").contains("11000 rows, 11000 imported");
		int usage = this.command.execute("no-such-store", file.toString(), new PrintStream(out, true));
		assertThat(usage).isEqualTo(2);
	}

	@Test
	void aStoreWithAnImportRunningAndOneQueuedGets429AndAnUnknownImport404() throws Exception {
		Store store = store("import-busy");
		for (String status : List.of("RUNNING", "QUEUED")) {
			this.jdbc.update("insert into import_jobs (id, store_id, status, created_at) values (?, ?, ?, now())",
					java.util.UUID.randomUUID(), store.getId(), status);
		}
		String csv = HistoryGenerator.csv(10, 5, LocalDate.of(2024, 1, 2), "BUSY-");
		this.mvc
			.perform(post("/api/v1/imports/shipments").contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8))
				.with(as(store)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail")
				.value("this store already has an import running and one waiting; try again when one is done"));
		this.mvc.perform(get("/api/v1/imports/" + java.util.UUID.randomUUID()).with(as(store)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}

}
