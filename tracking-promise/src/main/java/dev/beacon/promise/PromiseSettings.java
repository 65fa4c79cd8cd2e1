package dev.beacon.promise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Promise engine settings ({@code beacon.promise.*}).
 *
 * @param minSamples parcels a level needs before it answers; below that the engine falls
 * back to the next, broader level
 */
@ConfigurationProperties("beacon.promise")
record PromiseSettings(@DefaultValue("30") int minSamples) {
}
