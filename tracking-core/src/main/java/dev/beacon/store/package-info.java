/**
 * Stores (tenants): brand settings and API keys. Every query elsewhere is scoped by a
 * store id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stores")
@org.jspecify.annotations.NullMarked
package dev.beacon.store;
