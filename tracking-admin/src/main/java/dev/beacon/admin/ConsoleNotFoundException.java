package dev.beacon.admin;

/**
 * Something the user asked for does not exist or belongs to a store they are not bound
 * to; both answer 404 so a guess reveals nothing.
 */
public class ConsoleNotFoundException extends RuntimeException {

	public ConsoleNotFoundException(String what) {
		super(what + " not found");
	}

}
