package dev.beacon.promise;

/**
 * Recency-weighted counts of parcels by whole business days (capped at
 * {@link #MAX_DAYS}). A parcel's weight doubles every half-life of its order date, so
 * adding a newer parcel makes every older one count relatively less without rescanning;
 * {@link #effective()} is Kish's effective sample size, used for shrinkage.
 */
final class Histogram {

	static final int MAX_DAYS = 60;

	final double[] weights = new double[MAX_DAYS + 1];

	double sum;

	double sumSquares;

	int n;

	void add(int days, double weight) {
		this.weights[Math.max(0, Math.min(MAX_DAYS, days))] += weight;
		this.sum += weight;
		this.sumSquares += weight * weight;
		this.n++;
	}

	void scale(double factor) {
		for (int d = 0; d <= MAX_DAYS; d++) {
			this.weights[d] *= factor;
		}
		this.sum *= factor;
		this.sumSquares *= factor * factor;
	}

	/** Effective number of parcels: (sum of weights)² / sum of squared weights. */
	double effective() {
		return (this.sumSquares == 0) ? 0 : this.sum * this.sum / this.sumSquares;
	}

	/** Cumulative shares by day (empty histogram: all zero). */
	double[] cdf() {
		double[] cdf = new double[MAX_DAYS + 1];
		double cum = 0;
		for (int d = 0; d <= MAX_DAYS; d++) {
			cum += this.weights[d];
			cdf[d] = (this.sum == 0) ? 0 : cum / this.sum;
		}
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
