package org.leadrouter.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Runs promotion gates in order, stopping at the first that fails; the service and the check share it. */
public final class PromotionGates {

    private static final Logger LOG = Logger.getLogger(PromotionGates.class);

    private final List<PromotionGate> gates;

    public PromotionGates(Collection<PromotionGate> gates) {
        this.gates = gates.stream().sorted(Comparator.comparingInt(PromotionGate::order)
                .thenComparing(PromotionGate::name)).toList();
    }

    /** What the gates found, in the order they ran; the last one is the failure when any failed. */
    public record Run(List<GateResult> results) {

        public boolean passed() {
            return results.stream().allMatch(GateResult::passed);
        }

        public Optional<GateResult> failure() {
            return results.stream().filter(r -> !r.passed()).findFirst();
        }
    }

    public Run run(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
        return run(gates, segment, folder, candidate, active);
    }

    /** The gates that read the folder's other files, run again against the active version after those changed. */
    public Run recheck(String segment, Path folder, SegmentRules active) {
        return run(gates.stream().filter(PromotionGate::readsFolder).toList(), segment, folder, active, Optional.of(active));
    }

    private static Run run(List<PromotionGate> gates, String segment, Path folder, SegmentRules candidate,
                           Optional<SegmentRules> active) {
        List<GateResult> results = new ArrayList<>();
        for (PromotionGate gate : gates) {
            GateResult result = check(gate, segment, folder, candidate, active);
            if (candidate.stuck().isPresent()) {
                result = quarantined(result, candidate.stuck().get());
            }
            results.add(result);
            if (!result.passed()) {
                break;
            }
        }
        return new Run(List.copyOf(results));
    }

    /**
     * Whatever else the gate concluded, a candidate that ran past the deadline on one of its leads
     * fails it: a rule that hangs on one lead is not promoted because it is rare.
     */
    private static GateResult quarantined(GateResult result, RuleDeadlineException stuck) {
        List<RuleProblem> problems = new ArrayList<>();
        problems.add(RuleProblem.ofSegment(stuck.getMessage() + " on a lead of this gate: the version is quarantined"));
        problems.addAll(result.problems());
        return GateResult.fail(result.gate(), problems, result.report());
    }

    /** A gate that throws is a failed gate, never a failed reload thread. */
    private static GateResult check(PromotionGate gate, String segment, Path folder, SegmentRules candidate,
                                    Optional<SegmentRules> active) {
        try {
            GateResult result = AppClassLoader.run(() -> gate.check(segment, folder, candidate, active));
            return result != null ? result : GateResult.fail(gate.name(),
                    List.of(RuleProblem.ofSegment("gate " + gate.name() + " gave no answer")));
        } catch (RuntimeException | LinkageError e) {
            LOG.errorf(e, "segment %s: gate %s failed to run", segment, gate.name());
            return GateResult.fail(gate.name(), List.of(RuleProblem.ofSegment("gate " + gate.name() + " could not run: " + e)));
        }
    }
}
