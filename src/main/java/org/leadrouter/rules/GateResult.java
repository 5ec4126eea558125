package org.leadrouter.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one {@link PromotionGate} found. A failed gate always says why (at least one problem, in
 * the same form as compile errors so analysts read one kind of message). The optional report
 * (e.g. a replay's before/after counts) is kept with the version and shown at {@code GET /segments},
 * whether the gate passed or not; it must serialise to JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateResult(String gate, boolean passed, List<RuleProblem> problems, Object report) {

    public GateResult {
        problems = List.copyOf(problems);
        if (passed != problems.isEmpty()) {
            throw new IllegalArgumentException("a gate fails with at least one problem and passes with none");
        }
    }

    public static GateResult pass(String gate) {
        return new GateResult(gate, true, List.of(), null);
    }

    public static GateResult pass(String gate, Object report) {
        return new GateResult(gate, true, List.of(), report);
    }

    public static GateResult fail(String gate, List<RuleProblem> problems) {
        return new GateResult(gate, false, problems, null);
    }

    public static GateResult fail(String gate, List<RuleProblem> problems, Object report) {
        return new GateResult(gate, false, problems, report);
    }
}
