/**
 * Which carriers a tracking number may belong to: patterns and check digits.
 */
@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.detect;
