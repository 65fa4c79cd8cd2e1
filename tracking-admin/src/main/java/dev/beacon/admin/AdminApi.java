package dev.beacon.admin;

/**
 * Marks this module's REST controllers under {@code /api/v1}: their errors are answered
 * as problem+json by {@link AdminApiProblems}.
 */
public interface AdminApi {

}
