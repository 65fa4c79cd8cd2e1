package dev.beacon.store;

import java.util.UUID;

/**
 * The authenticated caller of the store API: the store its API key belongs to.
 * Controllers in any module receive it with
 * {@code @AuthenticationPrincipal StorePrincipal store}.
 */
public record StorePrincipal(UUID storeId, String slug) {

	public static StorePrincipal of(Store store) {
		return new StorePrincipal(store.getId(), store.getSlug());
	}

}
