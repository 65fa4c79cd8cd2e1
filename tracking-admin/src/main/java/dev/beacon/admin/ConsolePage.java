package dev.beacon.admin;

/**
 * Marks this module's HTML console controllers: they get the signed-in user in their
 * model and friendly error pages.
 */
public interface ConsolePage {

}
