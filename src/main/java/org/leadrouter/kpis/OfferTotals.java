package org.leadrouter.kpis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadrouter.kpis.Kpis.Acceptance;
import org.leadrouter.kpis.Kpis.Rate;

/**
 * Closed offers added up per segment, per queue and per agent, and declines per segment and reason
 * code (or the free text of declines made before codes):
 * what the acceptance figures need, whether read from the offers or from the hourly totals.
 */
final class OfferTotals {

    /** What a tally is kept for. */
    enum Dimension { SEGMENT, QUEUE, AGENT }

    private final Map<Dimension, Map<String, OfferTally>> tallies = new EnumMap<>(Dimension.class);
    private final Map<String, Map<String, Long>> declineReasons = new TreeMap<>();

    OfferTotals() {
        for (Dimension dimension : Dimension.values()) {
            tallies.put(dimension, new TreeMap<>());
        }
    }

    /** {@code count} offers of one segment, queue and agent closed with this outcome (and decline reason). */
    void addOffers(String segment, String queue, String agent, String state, String reasonCode, String reason, long count) {
        tally(Dimension.SEGMENT, segment).add(state, count);
        tally(Dimension.QUEUE, queue).add(state, count);
        tally(Dimension.AGENT, agent).add(state, count);
        if ("DECLINED".equals(state)) {
            OfferTally.addReason(declineReasons.computeIfAbsent(segment, s -> new TreeMap<>()), reasonCode, reason, count);
        }
    }

    void addTally(Dimension dimension, String name, OfferTally tally) {
        tally(dimension, name).add(tally);
    }

    void addDeclines(String segment, String reason, long count) {
        declineReasons.computeIfAbsent(segment, s -> new TreeMap<>()).merge(reason, count, Long::sum);
    }

    Map<String, OfferTally> tallies(Dimension dimension) {
        return tallies.get(dimension);
    }

    Map<String, Map<String, Long>> declineReasons() {
        return declineReasons;
    }

    /** Per segment, and overall with the rates per queue and per agent (the same agents and queues serve several segments). */
    PerSegment<Acceptance> acceptance() {
        OfferTally all = new OfferTally();
        Map<String, Long> allReasons = new TreeMap<>();
        Map<String, Acceptance> segments = new TreeMap<>();
        tallies(Dimension.SEGMENT).forEach((segment, tally) -> {
            Map<String, Long> reasons = declineReasons.getOrDefault(segment, Map.of());
            all.add(tally);
            reasons.forEach((reason, count) -> allReasons.merge(reason, count, Long::sum));
            segments.put(segment, acceptance(tally, reasons, List.of(), List.of()));
        });
        return new PerSegment<>(acceptance(all, allReasons, rates(Dimension.QUEUE), rates(Dimension.AGENT)), segments);
    }

    private static Acceptance acceptance(OfferTally t, Map<String, Long> reasons, List<Rate> byQueue, List<Rate> byAgent) {
        return new Acceptance(t.offers(), t.accepted(), t.declined(), t.timedOut(), t.withdrawn(), t.rate(), reasons, byQueue,
                byAgent);
    }

    private List<Rate> rates(Dimension dimension) {
        List<Rate> rates = new ArrayList<>();
        tallies(dimension).forEach((name, t) -> rates.add(new Rate(dimension == Dimension.QUEUE ? name : null,
                dimension == Dimension.AGENT ? name : null, t.offers(), t.accepted(), t.declined(), t.timedOut(), t.rate())));
        return rates;
    }

    private OfferTally tally(Dimension dimension, String name) {
        return tallies.get(dimension).computeIfAbsent(name, n -> new OfferTally());
    }
}
