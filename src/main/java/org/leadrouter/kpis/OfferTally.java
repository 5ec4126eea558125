package org.leadrouter.kpis;

/** Closed offers by outcome. Only accepted, declined and timed out ones could be answered: the rate's denominator. */
final class OfferTally {
    long accepted;
    long declined;
    long timedOut;
    long withdrawn;

    void add(String state, long count) {
        switch (state) {
            case "ACCEPTED" -> accepted += count;
            case "DECLINED" -> declined += count;
            case "TIMED_OUT" -> timedOut += count;
            default -> withdrawn += count;
        }
    }

    void add(OfferTally other) {
        accepted += other.accepted;
        declined += other.declined;
        timedOut += other.timedOut;
        withdrawn += other.withdrawn;
    }

    long offers() {
        return accepted + declined + timedOut;
    }

    Double rate() {
        return offers() == 0 ? null : (double) accepted / offers();
    }
}
