package dev.beacon.store;

import org.jspecify.annotations.Nullable;

/** What it takes to provision a store; all but the name have defaults. */
public record NewStore(String name, @Nullable String slug, @Nullable String defaultLocale, @Nullable String timeZone) {
}
