package dev.beacon.web.api;

/**
 * A resource that does not exist in the calling store (answered 404 like another
 * store's).
 */
class ApiNotFound extends RuntimeException {

	ApiNotFound() {
		super("not found");
	}

}
