package dev.beacon.admin;

/**
 * What a console user may do. AGENT: search, order view, actions, queues, test orders.
 * OPS: search, order view (read only), queues and reports. ADMIN: everything, plus users,
 * stores, brand settings and API keys.
 */
public enum Role {

	AGENT, OPS, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
