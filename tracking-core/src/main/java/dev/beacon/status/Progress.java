package dev.beacon.status;

/** Where one parcel stands: its milestone and its health. */
public record Progress(Milestone milestone, Health health) {
}
