package org.leadrouter.assignment.kpis;

import java.util.List;
import org.leadrouter.kpis.Percentiles;

/** A distribution of times in seconds. */
public record Durations(int count, double meanSeconds, double p50Seconds, double p90Seconds, double p99Seconds,
                        double maxSeconds) {

    static Durations of(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return new Durations(0, 0, 0, 0, 0, 0);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Durations(sorted.size(), mean, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Percentiles.index(sorted.size(), p));
    }
}
