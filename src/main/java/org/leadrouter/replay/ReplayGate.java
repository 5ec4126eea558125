package org.leadrouter.replay;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leadrouter.intake.RecentLeads;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.PromotionGate;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.SegmentRules;

/**
 * Gate 3: the segment's most recent recorded leads are decided by the active and the candidate
 * version; the report says how routes would move, and a fallback rate that rises by more than
 * the configured points rejects the candidate. With no active version or no history there is
 * nothing to compare, and the gate passes.
 */
@ApplicationScoped
public class ReplayGate implements PromotionGate {

    public static final String NAME = "replay";

    private final ReplayConfig config;
    private final LeadStore store;
    private final Replayer replayer;

    public ReplayGate(ReplayConfig config, LeadStore store, Replayer replayer) {
        this.config = config;
        this.store = store;
        this.replayer = replayer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
        if (!config.enabled() || active.isEmpty()) {
            return GateResult.pass(NAME);
        }
        RecentLeads history;
        try {
            history = store.recentRecords(segment, config.leads());
        } catch (SQLException e) {
            return GateResult.fail(NAME, List.of(RuleProblem.ofSegment(
                    "recorded leads could not be read for the replay (" + e.getMessage() + "); try the reload again")));
        }
        if (history.records().isEmpty()) {
            return GateResult.pass(NAME);
        }
        ReplayReport report = replayer.replay(segment, history, active.get(), candidate, config.gateBudget());
        if (report.fallbackRise() > config.maxFallbackRise()) {
            return GateResult.fail(NAME, List.of(RuleProblem.ofSegment(String.format(Locale.ROOT,
                    "replaying the last %d leads, the fallback rate rises from %.1f%% to %.1f%% "
                            + "(more than the %.1f points allowed); %d leads change queue",
                    report.leads(), report.fallbackRateBefore(), report.fallbackRateAfter(),
                    config.maxFallbackRise(), report.changed()))), report);
        }
        return GateResult.pass(NAME, report);
    }
}
