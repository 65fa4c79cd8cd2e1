/**
 * The shared status vocabulary of Beacon: three axes (milestone, health, reason) and the
 * delivery window. Every other module speaks in these terms; this package depends on
 * nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status model",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.beacon.status;
