package org.leadrouter.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadrouter.facts.Decision;
import org.leadrouter.rules.RuleExecutionException;
import org.leadrouter.rules.RuleOutcome;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.routing.LeadFacts;

/**
 * Runs scenarios against one compiled rule package, preparing each lead with the service's own
 * {@link LeadFacts}, and compares the decisions with what the analyst expected. Needs no
 * container, so the rules check command and tests run scenarios exactly as the service decides.
 */
public class ScenarioRunner {

    private final LeadFacts facts;

    public ScenarioRunner(LeadFacts facts) {
        this.facts = facts;
    }

    public ScenarioReport run(SegmentRules rules, List<ScenarioFile> files) {
        List<RuleProblem> failures = new ArrayList<>();
        Set<String> fired = new LinkedHashSet<>();
        int passed = 0;
        for (ScenarioFile file : files) {
            failures.addAll(file.problems());
            for (Scenario scenario : file.scenarios()) {
                String failure = check(rules, scenario, fired);
                if (failure == null) {
                    passed++;
                } else {
                    failures.add(ScenarioFile.rowProblem(scenario.file(), scenario.row(), failure));
                }
            }
        }
        List<String> notFired = rules.ruleNames().stream().filter(name -> !fired.contains(name)).toList();
        return new ScenarioReport(rules.segment(), rules.version(), passed, failures, fired, notFired);
    }

    /** Why the scenario failed, or null when the decision is the expected one. */
    private String check(SegmentRules rules, Scenario scenario, Set<String> fired) {
        RuleOutcome outcome;
        try {
            outcome = rules.evaluate(facts.prepare(scenario.lead()).lead());
        } catch (RuleExecutionException e) {
            return scenario.label() + ": " + e.getMessage();
        }
        fired.addAll(outcome.rulesFired());
        Decision decision = outcome.decision();
        Scenario.Expected expected = scenario.expected();
        List<String> wrong = new ArrayList<>();
        if (!expected.queue().equals(decision.getQueue())) {
            wrong.add("expected queue " + expected.queue() + ", got "
                    + (decision.isRouted() ? decision.getQueue() : "no route"));
        }
        if (expected.priority() != null && expected.priority() != decision.getPriority()) {
            wrong.add("expected priority " + expected.priority() + ", got " + decision.getPriority()
                    + " (score " + decision.getScore() + ")");
        }
        if (expected.fallback() != null && expected.fallback() != decision.isFallback()) {
            wrong.add("expected fallback " + expected.fallback() + ", got " + decision.isFallback());
        }
        if (expected.skills() != null && !expected.skills().equals(decision.getRequiredSkills())) {
            wrong.add("expected skills " + describe(expected.skills()) + ", got " + describe(decision.getRequiredSkills()));
        }
        if (wrong.isEmpty()) {
            return null;
        }
        return scenario.label() + ": " + String.join("; ", wrong) + " (rules fired: "
                + (outcome.rulesFired().isEmpty() ? "none" : String.join(", ", outcome.rulesFired())) + ")";
    }

    private static String describe(Map<String, Integer> skills) {
        if (skills.isEmpty()) {
            return "none";
        }
        List<String> items = new ArrayList<>();
        skills.forEach((skill, level) -> items.add(skill + ":" + level));
        return String.join("; ", items);
    }
}
