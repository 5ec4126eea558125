package org.leadrouter.assignment.kpis;

/** Lead Acceptance Rate of one agent, queue, segment, rule or route kind: offers accepted ÷ offers made. */
public record AcceptanceRate(String key, long offers, long accepted, double rate) {

    static AcceptanceRate of(String key, long offers, long accepted) {
        return new AcceptanceRate(key, offers, accepted, offers == 0 ? 0 : (double) accepted / offers);
    }
}
