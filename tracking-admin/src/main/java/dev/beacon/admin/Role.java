package dev.beacon.admin;

/**
 * What a console user may do. AGENT: search, order view, actions, queues, test orders.
 * OPS: search, order view (read only), queues and reports. ADMIN: everything, plus users,
 * brand settings and API keys of their stores. OPERATOR: what an ADMIN may do, on every
 * store, and the only role that creates stores (it is bound to no store: it sees all).
 */
public enum Role {

	AGENT, OPS, ADMIN, OPERATOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
