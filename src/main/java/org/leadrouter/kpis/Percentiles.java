package org.leadrouter.kpis;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0-100) of values sorted ascending; not defined for none. */
    public static long of(long[] sorted, double p) {
        return sorted[index(sorted.length, p)];
    }

    /** Where the p-th percentile (0-100) of {@code size} sorted values is. */
    public static int index(int size, double p) {
        return Math.max(0, (int) Math.ceil(p / 100.0 * size) - 1);
    }
}
