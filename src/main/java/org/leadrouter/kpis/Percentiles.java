package org.leadrouter.kpis;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /** Where the p-th percentile (0-100) of {@code size} sorted values is. */
    public static int index(int size, double p) {
        return (int) index((long) size, p);
    }

    static long index(long size, double p) {
        return Math.max(0, (long) Math.ceil(p / 100.0 * size) - 1);
    }
}
