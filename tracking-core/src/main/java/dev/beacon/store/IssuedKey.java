package dev.beacon.store;

/**
 * A freshly issued API key: the plaintext exists only in this object and is never stored.
 */
public record IssuedKey(ApiKey key, String plaintext) {
}
