package dev.beacon.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportUploadsTests {

	private static final ImportSettings SETTINGS = new ImportSettings(DataSize.ofBytes(100), DataSize.ofMegabytes(512),
			8, 1, Duration.ofHours(2));

	@Test
	void anUploadIsRefusedBeforeReadingWhenTheDiskWouldBeLeftShort() {
		ImportUploads uploads = new ImportUploads(SETTINGS, (dir) -> DataSize.ofMegabytes(512).toBytes() + 10);
		assertThatThrownBy(() -> uploads.receive(body("a,b\n1,2\n"), 20)).isInstanceOfSatisfying(
				ImportRefusedException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(ImportRefusedException.Reason.DISK_FULL));
	}

	@Test
	void anUploadWithRoomIsStoredAndATooLargeOneIsRefused() throws Exception {
		ImportUploads uploads = new ImportUploads(SETTINGS, (dir) -> Long.MAX_VALUE);
		Path file = uploads.receive(body("a,b\n1,2\n"), -1);
		try {
			assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
		}
		finally {
			Files.delete(file);
		}
		assertThatThrownBy(() -> uploads.receive(body("x".repeat(101)), -1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("the upload is larger than 0 MB");
		assertThatThrownBy(() -> uploads.receive(body(""), 0)).hasMessage("the upload is empty");
	}

	private static ByteArrayInputStream body(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
