package dev.beacon.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import job settings ({@code beacon.imports.*}).
 *
 * @param maxUpload the largest upload accepted (about a million history rows)
 * @param minFreeDisk free space that must remain on the temporary directory's disk after
 * an upload (the upload's declared length is added when it is known)
 * @param queueCapacity jobs that may wait on one instance (beyond: 429)
 * @param workers jobs that run at once on one instance
 * @param staleAfter a QUEUED or RUNNING job older than this no longer counts against its
 * store's limit (an instance that stopped mid-job cannot block the store for ever)
 */
@ConfigurationProperties("beacon.imports")
public record ImportSettings(@DefaultValue("200MB") DataSize maxUpload, @DefaultValue("512MB") DataSize minFreeDisk,
		@DefaultValue("8") int queueCapacity, @DefaultValue("1") int workers,
		@DefaultValue("PT2H") Duration staleAfter) {
}
