/** Application wiring: the default security chain, startup diagnostics. */
@org.springframework.modulith.ApplicationModule(displayName = "Application wiring")
@org.jspecify.annotations.NullMarked
package dev.beacon.app;
