package org.leadrouter.rules;

import java.nio.file.Path;
import java.time.Duration;

/** The rules settings for tests that build the registry without the container. */
public record TestRulesConfig(Path dir, int maxFirings, Duration deadline, boolean watch, Duration debounce,
                              int historySize, CoverageGate coverageGate, boolean limitCompilerJit)
        implements RulesConfig {

    public static TestRulesConfig of(Path dir) {
        return new TestRulesConfig(dir, 100, Duration.ofSeconds(1), true, Duration.ofMillis(50), 3, CoverageGate.WARN, true);
    }
}
