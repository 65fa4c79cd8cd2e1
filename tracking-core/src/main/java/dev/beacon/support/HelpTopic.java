package dev.beacon.support;

/** What a shopper needs help with. */
public enum HelpTopic {

	WHERE_IS_IT, DAMAGED, NOT_RECEIVED, WRONG_ADDRESS, OTHER

}
