package org.leadrouter.rules;

import java.util.List;
import org.leadrouter.facts.Decision;

/** What one run of a segment's rules produced for one lead. */
public record RuleOutcome(Decision decision, List<String> rulesFired) {
}
