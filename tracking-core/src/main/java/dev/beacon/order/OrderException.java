package dev.beacon.order;

/** An order request that cannot be honoured. */
public class OrderException extends RuntimeException {

	public enum Kind {

		NOT_FOUND, DUPLICATE, INVALID

	}

	private final Kind kind;

	private final String field;

	OrderException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return this.kind;
	}

	public String field() {
		return this.field;
	}

	public static OrderException notFound(String orderNumber) {
		return new OrderException(Kind.NOT_FOUND, "orderNumber", "no order '" + orderNumber + "' in this store");
	}

}
