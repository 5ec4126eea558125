package org.leadrouter.rules;

import java.time.Duration;

/**
 * A segment's rules did not finish one lead within the deadline ({@code leadrouter.rules.deadline})
 * and were stopped. The version that did it is quarantined: it never passes a gate, and a live one
 * is rolled back.
 */
public class RuleDeadlineException extends RuleExecutionException {

    private final String rule;

    public RuleDeadlineException(String rule, Duration deadline) {
        this(rule, describe(rule, deadline));
    }

    private RuleDeadlineException(String rule, String message) {
        super(message, null);
        this.rule = rule;
    }

    /** The same failure for a later lead of the quarantined version (exceptions are not shared between threads). */
    RuleDeadlineException again() {
        return new RuleDeadlineException(rule, getMessage());
    }

    /** The rule whose consequence was running when the evaluation was stopped; null if none was firing. */
    public String rule() {
        return rule;
    }

    private static String describe(String rule, Duration deadline) {
        return rule == null
                ? "the rules did not finish within " + deadline.toMillis() + "ms (no rule was firing: a condition never returned)"
                : "rule '" + rule + "' did not finish within " + deadline.toMillis() + "ms";
    }
}
