package dev.beacon.integrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, seals the credentials of Shopify shops migrated from the carriers module's
 * webhook sources (stored in clear there, and so at first in
 * {@code platform_connections}). Without {@code beacon.secrets.key} outside demo mode
 * they stay readable in clear, as they were, and a warning says so.
 */
@Component
class LegacyCredentials {

	private static final Logger log = LoggerFactory.getLogger(LegacyCredentials.class);

	private final Connections connections;

	LegacyCredentials(Connections connections) {
		this.connections = connections;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seal() {
		try {
			int sealed = this.connections.sealLegacyCredentials();
			if (sealed > 0) {
				log.info("Sealed the credentials of {} Shopify connections migrated from carrier webhook sources",
						sealed);
			}
		}
		catch (IntegrationException ex) {
			log.warn("Shopify connections migrated from carrier webhook sources keep their webhook secret in clear "
					+ "until beacon.secrets.key is set: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Could not seal migrated Shopify credentials: {}", ex.toString());
		}
	}

}
