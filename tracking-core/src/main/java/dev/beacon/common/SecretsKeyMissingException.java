package dev.beacon.common;

/**
 * A credential cannot be stored encrypted: {@code beacon.secrets.key} is not set outside
 * demo mode. Modules answer it 409 problem+json naming the property.
 */
public class SecretsKeyMissingException extends RuntimeException {

	public SecretsKeyMissingException() {
		super("set " + SecretsCipher.PROPERTY + " to store credentials encrypted");
	}

	/** The property to set. */
	public String property() {
		return SecretsCipher.PROPERTY;
	}

}
