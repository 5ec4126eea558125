package org.leadrouter.rules;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion gate discovered like the real ones will be: it rejects any version holding a file
 * named {@value #REJECTED_FILE} and passes the rest with a small report. Only present under
 * {@link RulesReloadTestProfile}. A rejection's report names the thread that ran the gate.
 */
@ApplicationScoped
@IfBuildProperty(name = TestGate.SWITCH, stringValue = "true")
public class TestGate implements PromotionGate {

    static final String SWITCH = "test-gate.enabled";
    static final String REJECTED_FILE = "rejected-by-gate.drl";

    @Override
    public String name() {
        return "test-gate";
    }

    @Override
    public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
        if (candidate.files().contains(REJECTED_FILE)) {
            return GateResult.fail(name(), List.of(RuleProblem.inFile(REJECTED_FILE, "this file is not allowed")),
                    Map.of("checkedFiles", candidate.files().size(), "thread", Thread.currentThread().getName(),
                            "priority", Thread.currentThread().getPriority()));
        }
        return GateResult.pass(name(), Map.of("checkedFiles", candidate.files().size(),
                "replacing", active.map(SegmentRules::version).orElse("nothing")));
    }
}
