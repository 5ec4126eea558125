package org.leadrouter.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.intake.RecentLeads;
import org.leadrouter.routing.RouteDecision;
import org.leadrouter.routing.RoutingPipeline;
import org.leadrouter.rules.SegmentRules;

/**
 * Decides recorded leads again with a candidate version, through the same pipeline as live
 * leads (so a lead whose rules throw counts as the fallback it would really get), and counts
 * how routes would move.
 */
@ApplicationScoped
public class Replayer {

    private final RoutingPipeline pipeline;

    public Replayer(RoutingPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Baseline: what the given version decides for each lead now. */
    public ReplayReport replay(String segment, RecentLeads history, SegmentRules baseline, SegmentRules candidate) {
        return replay(segment, history, baseline, candidate, null);
    }

    /**
     * As {@link #replay(String, RecentLeads, SegmentRules, SegmentRules)}, but stops deciding once
     * the budget is spent: the report covers the leads decided by then (newest first), so a large
     * history cannot keep a processor busy for long while other segments take traffic.
     *
     * @param budget wall-clock time allowed; null for no limit
     */
    public ReplayReport replay(String segment, RecentLeads history, SegmentRules baseline, SegmentRules candidate,
                               Duration budget) {
        return compare(segment, history, r -> pipeline.decide(r.lead(), Optional.of(baseline)), baseline.version(),
                candidate, budget);
    }

    /** Baseline: the decisions as they were recorded, by whichever versions made them. */
    public ReplayReport replayAgainstRecorded(String segment, RecentLeads history, SegmentRules candidate) {
        return compare(segment, history, LeadRecord::decision, "recorded decisions", candidate, null);
    }

    private ReplayReport compare(String segment, RecentLeads history, Function<LeadRecord, RouteDecision> baseline,
                                 String baselineName, SegmentRules candidate, Duration budget) {
        List<LeadRecord> records = history.records();
        long deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        Map<Move, Integer> moves = new LinkedHashMap<>();
        int decided = 0;
        int changed = 0;
        int fallbackBefore = 0;
        int fallbackAfter = 0;
        // Newest first: when the budget runs out, the leads most like tomorrow's have been replayed.
        for (int i = records.size() - 1; i >= 0 && (decided == 0 || System.nanoTime() < deadline); i--) {
            LeadRecord record = records.get(i);
            RouteDecision old = baseline.apply(record);
            RouteDecision now = pipeline.decide(record.lead(), Optional.of(candidate));
            decided++;
            fallbackBefore += old.fallback() ? 1 : 0;
            fallbackAfter += now.fallback() ? 1 : 0;
            if (!old.queue().equals(now.queue())) {
                changed++;
                moves.merge(new Move(old.queue(), now.queue()), 1, Integer::sum);
            }
        }
        List<RouteChange> changes = moves.entrySet().stream()
                .map(e -> new RouteChange(e.getKey().from(), e.getKey().to(), e.getValue()))
                .sorted(Comparator.comparingInt(RouteChange::leads).reversed())
                .toList();
        return new ReplayReport(segment, baselineName, candidate.version(), decided, changed, changes,
                percent(fallbackBefore, decided), percent(fallbackAfter, decided), history.unreadable());
    }

    private record Move(String from, String to) {
    }

    private static double percent(int count, int total) {
        return total == 0 ? 0 : Math.round(1000.0 * count / total) / 10.0;
    }
}
