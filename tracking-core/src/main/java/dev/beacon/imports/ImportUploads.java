package dev.beacon.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToLongFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Receives an upload into a temporary file for an import: refuses it before reading when
 * the disk would be left with less than {@code beacon.imports.min-free-disk}, and stops
 * reading (a 400) beyond {@code beacon.imports.max-upload}.
 */
@Component
public class ImportUploads {

	private final ImportSettings settings;

	private final ToLongFunction<Path> usableSpace;

	@Autowired
	ImportUploads(ImportSettings settings) {
		this(settings, ImportUploads::usable);
	}

	ImportUploads(ImportSettings settings, ToLongFunction<Path> usableSpace) {
		this.settings = settings;
		this.usableSpace = usableSpace;
	}

	/**
	 * Copies {@code body} to a new temporary file; the caller owns (and deletes) it.
	 * @param declaredLength the request's Content-Length, or -1 when unknown (chunked)
	 * @throws ImportRefusedException when the disk is short
	 * @throws IllegalArgumentException when the upload is empty or too large
	 */
	public Path receive(InputStream body, long declaredLength) throws IOException {
		long max = this.settings.maxUpload().toBytes();
		if (declaredLength > max) {
			throw tooLarge(max);
		}
		Path dir = Path.of(System.getProperty("java.io.tmpdir"));
		long needed = this.settings.minFreeDisk().toBytes() + Math.max(declaredLength, 0);
		if (this.usableSpace.applyAsLong(dir) < needed) {
			throw new ImportRefusedException(ImportRefusedException.Reason.DISK_FULL,
					"not enough free disk to accept an import now; try again later");
		}
		Path file = Files.createTempFile(dir, "beacon-import-", ".csv");
		try {
			long size = Files.copy(new LimitedStream(body, max), file, StandardCopyOption.REPLACE_EXISTING);
			if (size == 0) {
				throw new IllegalArgumentException("the upload is empty");
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	private static long usable(Path dir) {
		try {
			return Files.getFileStore(dir).getUsableSpace();
		}
		catch (IOException ex) {
			return Long.MAX_VALUE; // unknown: let the copy itself fail if the disk is
									// full
		}
	}

	static IllegalArgumentException tooLarge(long max) {
		return new IllegalArgumentException("the upload is larger than " + max / (1024 * 1024) + " MB");
	}

	/** Stops reading (with a 400) beyond the size limit. */
	static final class LimitedStream extends FilterInputStream {

		private final long max;

		private long read;

		LimitedStream(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) {
			this.read += n;
			if (this.read > this.max) {
				throw tooLarge(this.max);
			}
		}

	}

}
