/**
 * Demo data: a demo store, orders in every state on the sandbox carrier, a trickle of new
 * orders, console users. Active only with {@code beacon.demo.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
@org.jspecify.annotations.NullMarked
package dev.beacon.demo;
