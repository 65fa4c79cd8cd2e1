/**
 * Per-store carrier accounts: a store's own credentials for a direct carrier, encrypted
 * at rest with core's {@link dev.beacon.common.SecretsCipher}, managed through
 * {@code /api/v1/carrier-accounts} and the console, tested with a real call to the
 * carrier, and used by the poller (with budgets of their own) instead of the install-wide
 * properties.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.accounts;
