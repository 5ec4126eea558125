package org.leadrouter.kpis;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0-100) of values sorted ascending; not defined for none. */
    public static long of(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
