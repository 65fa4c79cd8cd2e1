package dev.beacon.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way an instance drops its short-lived local copies of a row that changes: at
 * once, and again when the changing transaction ends, so a reader that loaded the old row
 * in between cannot keep it.
 */
public final class LocalCopies {

	private LocalCopies() {
	}

	/** Runs {@code drop} now and, inside a transaction, again after it completes. */
	public static void dropNowAndAfterTransaction(Runnable drop) {
		drop.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop.run();
				}
			});
		}
	}

}
