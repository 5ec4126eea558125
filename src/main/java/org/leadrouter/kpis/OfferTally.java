package org.leadrouter.kpis;

import java.util.Map;

/**
 * Offers counted for the Lead Acceptance Rate, the one rule both KPI reports follow: accepted ÷
 * (accepted + declined + timed out). A withdrawn offer (the agent went offline, or a supervisor
 * took the item back, before the agent could answer) is counted apart and against nobody.
 */
public final class OfferTally {

    /** The key of declines recorded with neither a reason code nor a reason. */
    public static final String NO_REASON = "(no reason given)";

    private long accepted;
    private long declined;
    private long timedOut;
    private long withdrawn;

    /** A tally read back from the hourly totals. */
    static OfferTally of(long accepted, long declined, long timedOut, long withdrawn) {
        OfferTally tally = new OfferTally();
        tally.accepted = accepted;
        tally.declined = declined;
        tally.timedOut = timedOut;
        tally.withdrawn = withdrawn;
        return tally;
    }

    void add(OfferTally other) {
        accepted += other.accepted;
        declined += other.declined;
        timedOut += other.timedOut;
        withdrawn += other.withdrawn;
    }

    /** Adds {@code count} closed offers in {@code state} (ACCEPTED, DECLINED, TIMED_OUT or WITHDRAWN). */
    public void add(String state, long count) {
        switch (state) {
            case "ACCEPTED" -> accepted += count;
            case "DECLINED" -> declined += count;
            case "TIMED_OUT" -> timedOut += count;
            case "WITHDRAWN" -> withdrawn += count;
            default -> throw new IllegalArgumentException("not a closed offer's state: " + state);
        }
    }

    /**
     * Adds {@code count} declines to {@code reasons} under their reason code; declines recorded before
     * reason codes existed count under their free text.
     */
    public static void addReason(Map<String, Long> reasons, String code, String text, long count) {
        String key = code != null ? code : text == null || text.isBlank() ? NO_REASON : text;
        reasons.merge(key, count, Long::sum);
    }

    /** The offers an agent could answer: accepted, declined or timed out. */
    public long offers() {
        return accepted + declined + timedOut;
    }

    public long accepted() {
        return accepted;
    }

    public long declined() {
        return declined;
    }

    public long timedOut() {
        return timedOut;
    }

    public long withdrawn() {
        return withdrawn;
    }

    /** Null when no offer could be answered. */
    public Double rate() {
        return offers() == 0 ? null : (double) accepted / offers();
    }
}
