package org.leadrouter.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<RouteDecision> before = history.records().stream()
                .map(r -> pipeline.decide(r.lead(), Optional.of(baseline))).toList();
        return compare(segment, history, before, baseline.version(), candidate);
    }

    /** Baseline: the decisions as they were recorded, by whichever versions made them. */
    public ReplayReport replayAgainstRecorded(String segment, RecentLeads history, SegmentRules candidate) {
        return compare(segment, history, history.records().stream().map(LeadRecord::decision).toList(),
                "recorded decisions", candidate);
    }

    private ReplayReport compare(String segment, RecentLeads history, List<RouteDecision> before,
                                 String baselineName, SegmentRules candidate) {
        List<LeadRecord> records = history.records();
        Map<Move, Integer> moves = new LinkedHashMap<>();
        int changed = 0;
        int fallbackBefore = 0;
        int fallbackAfter = 0;
        for (int i = 0; i < records.size(); i++) {
            RouteDecision old = before.get(i);
            RouteDecision now = pipeline.decide(records.get(i).lead(), Optional.of(candidate));
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
        return new ReplayReport(segment, baselineName, candidate.version(), records.size(), changed, changes,
                percent(fallbackBefore, records.size()), percent(fallbackAfter, records.size()), history.unreadable());
    }

    private record Move(String from, String to) {
    }

    private static double percent(int count, int total) {
        return total == 0 ? 0 : Math.round(1000.0 * count / total) / 10.0;
    }
}
