package dev.beacon.carriers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A store's own account with a direct carrier, as shown to the store: which fields it
 * takes, whether it is saved, and how its last "test connection" went. Never a secret.
 *
 * @param carrier the registry code ({@code ups})
 * @param name the carrier's display name
 * @param fields the credential fields this carrier takes, in form order
 * @param configured whether the store saved an account
 * @param installWide whether the install has credentials of its own for this carrier (the
 * default when the store has none)
 * @param updatedAt when the account was last saved
 * @param lastTestAt when "test connection" last ran
 * @param lastTestResult its result: {@code ok}, or a coarse failure category
 */
public record CarrierAccount(String carrier, String name, List<Field> fields, boolean configured, boolean installWide,
		@Nullable Instant updatedAt, @Nullable Instant lastTestAt, @Nullable String lastTestResult) {

	/**
	 * One credential field.
	 *
	 * @param name the JSON field ({@code clientId})
	 * @param label how a person calls it
	 * @param secret whether it is a secret (password inputs, never shown)
	 * @param required whether an account needs it
	 */
	public record Field(String name, String label, boolean secret, boolean required) {
	}

	/**
	 * The result of "test connection".
	 *
	 * @param carrier the registry code
	 * @param result {@code ok}, {@code auth_failed}, {@code rate_limited},
	 * {@code unreachable}, {@code timeout} or {@code unexpected_answer}
	 * @param testedAt when it ran
	 */
	public record TestResult(String carrier, String result, Instant testedAt) {

		public boolean ok() {
			return "ok".equals(this.result);
		}

	}

}
