package dev.beacon.shipment;

/**
 * A shipment request that cannot be honoured; {@link #field()} names the input at fault.
 */
public class ShipmentException extends RuntimeException {

	public enum Kind {

		NOT_FOUND, INVALID, DUPLICATE, UNDETECTED

	}

	private final Kind kind;

	private final String field;

	ShipmentException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	static ShipmentException notFound(java.util.UUID id) {
		return new ShipmentException(Kind.NOT_FOUND, "id", "no shipment " + id + " in this store");
	}

	public Kind kind() {
		return this.kind;
	}

	public String field() {
		return this.field;
	}

}
