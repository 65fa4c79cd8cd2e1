@org.jspecify.annotations.NullMarked
package dev.beacon.carriers.dhl;
