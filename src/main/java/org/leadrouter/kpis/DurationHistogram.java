package org.leadrouter.kpis;

import java.util.Map;
import java.util.TreeMap;

/** How many times each (rounded) duration was seen; nearest-rank percentiles, as {@link Percentiles}. */
final class DurationHistogram {

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;

    void add(long millis, long count) {
        counts.merge(millis, count, Long::sum);
        total += count;
    }

    long count() {
        return total;
    }

    /** The p-th percentile (0-100); not defined for an empty histogram. */
    long percentile(double p) {
        long index = Percentiles.index(total, p);
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen > index) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no percentile of an empty histogram");
    }
}
