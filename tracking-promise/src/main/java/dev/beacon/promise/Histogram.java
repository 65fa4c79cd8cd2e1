package dev.beacon.promise;

/**
 * Recency-weighted counts of parcels by whole business days (capped at
 * {@link #MAX_DAYS}). A parcel's weight doubles every half-life of its order date, so
 * adding a newer parcel makes every older one count relatively less without rescanning;
 * {@link #effective()} is Kish's effective sample size of the delivered parcels, used for
 * shrinkage. Parcels still open count as right-censored ("at least this many days",
 * {@link #addOpen}): the distribution is then the weighted Kaplan–Meier estimate, so the
 * parcels ordered lately that have not arrived yet are not left out (without them the
 * recent, fast ones would be over-represented).
 */
final class Histogram {

	static final int MAX_DAYS = 60;

	final double[] weights = new double[MAX_DAYS + 1];

	/** Weights of open parcels by the days they are known to take at least. */
	private final double[] open = new double[MAX_DAYS + 2];

	double sum;

	double sumSquares;

	private double openSum;

	/** Delivered parcels. */
	int n;

	/** Open parcels. */
	int openN;

	void add(int days, double weight) {
		this.weights[Math.max(0, Math.min(MAX_DAYS, days))] += weight;
		this.sum += weight;
		this.sumSquares += weight * weight;
		this.n++;
	}

	/**
	 * An open parcel known to take at least {@code atLeast} business days (it did not
	 * arrive within {@code atLeast - 1}); nothing is known of one open for 0 days.
	 */
	void addOpen(int atLeast, double weight) {
		if (atLeast <= 0) {
			return;
		}
		this.open[Math.min(MAX_DAYS + 1, atLeast)] += weight;
		this.openSum += weight;
		this.openN++;
	}

	void scale(double factor) {
		for (int d = 0; d <= MAX_DAYS; d++) {
			this.weights[d] *= factor;
		}
		for (int d = 0; d <= MAX_DAYS + 1; d++) {
			this.open[d] *= factor;
		}
		this.sum *= factor;
		this.sumSquares *= factor * factor;
		this.openSum *= factor;
	}

	/** Parcels counted, delivered or open. */
	int parcels() {
		return this.n + this.openN;
	}

	/**
	 * Effective number of delivered parcels: (sum of weights)² / sum of squared weights.
	 * Open parcels shape the distribution but do not make a level more trusted.
	 */
	double effective() {
		return (this.sumSquares == 0) ? 0 : this.sum * this.sum / this.sumSquares;
	}

	/**
	 * Cumulative shares by day (empty histogram: all zero): without open parcels the
	 * weighted empirical distribution; with them the weighted Kaplan–Meier estimate (the
	 * hazard on day d is the weight delivered on day d over the weight still undelivered
	 * and under observation on day d; an open parcel known to take at least a days is
	 * under observation on days before a). The last day holds everything longer, so it
	 * ends at 1.
	 */
	double[] cdf() {
		double[] cdf = new double[MAX_DAYS + 1];
		if (this.openSum == 0) {
			double cum = 0;
			for (int d = 0; d <= MAX_DAYS; d++) {
				cum += this.weights[d];
				cdf[d] = (this.sum == 0) ? 0 : cum / this.sum;
			}
			return cdf;
		}
		double survival = 1;
		double pending = this.sum;
		double openLeft = this.openSum;
		for (int d = 0; d <= MAX_DAYS; d++) {
			openLeft -= this.open[d];
			double atRisk = pending + openLeft;
			if (atRisk > 0) {
				survival *= 1 - Math.min(1, this.weights[d] / atRisk);
			}
			pending -= this.weights[d];
			cdf[d] = 1 - survival;
		}
		cdf[MAX_DAYS] = (this.sum == 0) ? 0 : 1;
		return cdf;
	}

	/** The smallest day count by which at least {@code q} of the distribution arrived. */
	static int quantile(double[] cdf, double q) {
		for (int d = 0; d <= MAX_DAYS; d++) {
			if (cdf[d] >= q - 1e-9) {
				return d;
			}
		}
		return MAX_DAYS;
	}

}
