package org.leadrouter.replay;

import java.util.List;

/**
 * What would change if a candidate version decided the recorded leads instead of the baseline
 * (the active version, or the decisions as recorded). Rates are percentages of the leads.
 * {@code skipped} counts recorded rows that could not be read back and were left out.
 */
public record ReplayReport(String segment, String baseline, String candidate, int leads, int changed,
                           List<RouteChange> changes, double fallbackRateBefore, double fallbackRateAfter,
                           int skipped) {

    public ReplayReport {
        changes = List.copyOf(changes);
    }

    /** Percentage points the fallback rate rises by (negative when it falls). */
    public double fallbackRise() {
        return fallbackRateAfter - fallbackRateBefore;
    }
}
