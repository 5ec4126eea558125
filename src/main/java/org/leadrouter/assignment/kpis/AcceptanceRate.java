package org.leadrouter.assignment.kpis;

import org.leadrouter.kpis.OfferTally;

/**
 * Lead Acceptance Rate of one agent, queue, segment, rule or route kind, by {@link OfferTally}'s
 * rule: {@code offers} are those an agent could answer (accepted, declined, timed out) and
 * {@code rate} is accepted ÷ offers (null with none); withdrawn offers count against nobody.
 */
public record AcceptanceRate(String key, long offers, long accepted, long declined, long timedOut, long withdrawn,
                             Double rate) {

    static AcceptanceRate of(String key, OfferTally tally) {
        return new AcceptanceRate(key, tally.offers(), tally.accepted(), tally.declined(), tally.timedOut(),
                tally.withdrawn(), tally.rate());
    }
}
