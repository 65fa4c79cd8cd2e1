/**
 * Canada Post, as a direct adapter: the whole carrier in one package (adapter, its
 * settings under {@code beacon.carriers.canadapost.*}, and its mapping table).
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.canadapost;
