package org.leadrouter.assignment.queues;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A queue's distribution policy and routing refinements, as its entry in the queue file gives
 * them. Null numbers and empty lists mean "none": no cap, no relaxation, no overflow on wait,
 * no sticky routing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicySettings(DistributionPolicy policy, Map<String, Integer> weights, Integer capPerHour,
                             Integer capPerDay, List<RelaxStep> relaxSkills, Integer overflowAfterSeconds,
                             Integer overflowDepth, Integer stickyDays) {

    public static final PolicySettings DEFAULT =
            new PolicySettings(DistributionPolicy.LEAST_LOADED, Map.of(), null, null, List.of(), null, null, null);

    private static final int MAX_WEIGHT = 100;

    /** The policy fields of a queue file entry (the entry record implements this with its own components). */
    public interface Fields {
        String policy();

        Map<String, Integer> weights();

        Integer capPerHour();

        Integer capPerDay();

        List<RelaxStep> relaxSkills();

        Integer overflowAfterSeconds();

        Integer overflowDepth();

        Integer stickyDays();
    }

    /**
     * Checks one queue's fields, adding a problem (prefixed {@code queues.<name>.}) for each bad
     * one. {@code overflowTo} is whether the queue names an overflow queue; {@code sla} its SLA,
     * which a relaxation step must come before (the escalation waives skills anyway).
     */
    public static PolicySettings of(String queue, Fields fields, boolean overflowTo, Duration sla, List<String> problems) {
        String at = "queues." + queue + ".";
        DistributionPolicy policy = DistributionPolicy.LEAST_LOADED;
        if (fields.policy() != null) {
            policy = DistributionPolicy.parse(fields.policy()).orElse(null);
            if (policy == null) {
                problems.add(at + "policy must be least-loaded, round-robin or weighted, not '" + fields.policy() + "'");
                policy = DistributionPolicy.LEAST_LOADED;
            }
        }
        Map<String, Integer> weights = fields.weights() == null ? Map.of() : Map.copyOf(fields.weights());
        if (!weights.isEmpty() && policy != DistributionPolicy.WEIGHTED) {
            problems.add(at + "weights apply only to the weighted policy");
        }
        weights.forEach((agent, weight) -> {
            if (weight == null || weight < 1 || weight > MAX_WEIGHT) {
                problems.add(at + "weights." + agent + " must be 1-" + MAX_WEIGHT);
            }
        });
        positive(at + "capPerHour", fields.capPerHour(), problems);
        positive(at + "capPerDay", fields.capPerDay(), problems);
        if (fields.capPerHour() != null && fields.capPerDay() != null && fields.capPerHour() > fields.capPerDay()) {
            problems.add(at + "capPerHour cannot be above capPerDay");
        }
        List<RelaxStep> steps = fields.relaxSkills() == null ? List.of() : List.copyOf(fields.relaxSkills());
        for (int i = 0; i < steps.size(); i++) {
            RelaxStep step = steps.get(i);
            String stepAt = at + "relaxSkills[" + i + "]";
            if (step.afterSeconds() <= 0) {
                problems.add(stepAt + ".afterSeconds must be positive");
            } else if (Duration.ofSeconds(step.afterSeconds()).compareTo(sla) >= 0) {
                problems.add(stepAt + ".afterSeconds must be below the SLA (" + sla.toSeconds() + " s), which escalates first");
            }
            if (step.levels() <= 0) {
                problems.add(stepAt + ".levels must be positive");
            }
            if (i > 0 && (step.afterSeconds() <= steps.get(i - 1).afterSeconds() || step.levels() <= steps.get(i - 1).levels())) {
                problems.add(stepAt + " must come later and lower more levels than the step before");
            }
        }
        positive(at + "overflowAfterSeconds", fields.overflowAfterSeconds(), problems);
        positive(at + "overflowDepth", fields.overflowDepth(), problems);
        if ((fields.overflowAfterSeconds() != null || fields.overflowDepth() != null) && !overflowTo) {
            problems.add(at + "overflowAfterSeconds and overflowDepth need an overflowTo queue");
        }
        positive(at + "stickyDays", fields.stickyDays(), problems);
        return new PolicySettings(policy, weights, fields.capPerHour(), fields.capPerDay(), steps,
                fields.overflowAfterSeconds(), fields.overflowDepth(), fields.stickyDays());
    }

    private static void positive(String field, Integer value, List<String> problems) {
        if (value != null && value <= 0) {
            problems.add(field + " must be positive");
        }
    }

    /** An agent's weight under the weighted policy; agents not listed weigh 1. */
    public int weight(String agentId) {
        return weights.getOrDefault(agentId, 1);
    }

    public boolean capped() {
        return capPerHour != null || capPerDay != null;
    }

    public boolean overflowsOnWait() {
        return overflowAfterSeconds != null || overflowDepth != null;
    }
}
