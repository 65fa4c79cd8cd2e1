package dev.beacon.web.page;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Counts the transactions the calling thread begins (through the application's
 * transaction manager) while {@link #count(Action)} runs; other threads (the background
 * loops) are not counted. A read joining no transaction ({@code PROPAGATION_SUPPORTS})
 * begins none.
 */
final class TransactionsBegun implements TransactionExecutionListener {

	private final ThreadLocal<long[]> counting = new ThreadLocal<>();

	long count(Action action) throws Exception {
		long[] counter = new long[1];
		this.counting.set(counter);
		try {
			action.run();
		}
		finally {
			this.counting.remove();
		}
		return counter[0];
	}

	@Override
	public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
		long[] counter = this.counting.get();
		if (counter != null) {
			counter[0]++;
		}
	}

	/** What {@link #count(Action)} runs. */
	@FunctionalInterface
	interface Action {

		void run() throws Exception;

	}

}
