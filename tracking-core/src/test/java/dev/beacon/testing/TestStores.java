package dev.beacon.testing;

import java.util.UUID;

/** Unique names so tests sharing one database never see each other's rows. */
public final class TestStores {

	private TestStores() {
	}

	public static String uniqueSlug(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
