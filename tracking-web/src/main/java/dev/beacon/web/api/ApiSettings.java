package dev.beacon.web.api;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator access to the store-provisioning API.
 *
 * @param apiKey the operator key ({@code beacon.operator.api-key}); without it the
 * operator API does not exist (404)
 */
@ConfigurationProperties("beacon.operator")
record ApiSettings(@Nullable String apiKey) {
}
