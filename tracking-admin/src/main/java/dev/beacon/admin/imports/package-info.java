/**
 * Delivery-history import (CSV over the API, the command line, and the demo's seed data):
 * a named interface of the admin module, so the app may start imports.
 */
@org.springframework.modulith.NamedInterface("imports")
@org.jspecify.annotations.NullMarked
package dev.beacon.admin.imports;
