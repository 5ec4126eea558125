package org.leadrouter.scenarios;

import java.util.List;
import java.util.Set;
import org.leadrouter.rules.RuleProblem;

/**
 * What running a segment's scenarios showed: how many passed, each failure (a bad row or a
 * wrong decision) located by file and row, and which rules no scenario fired.
 *
 * @param rulesNotFired rules of the package that no scenario exercised: untested rules
 */
public record ScenarioReport(String segment, String rulesetVersion, int passed, List<RuleProblem> failures,
                             Set<String> rulesFired, List<String> rulesNotFired) {

    public ScenarioReport {
        failures = List.copyOf(failures);
        rulesFired = Set.copyOf(rulesFired);
        rulesNotFired = List.copyOf(rulesNotFired);
    }

    /** Every scenario ran and got the decision it expected. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
