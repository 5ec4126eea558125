package org.leadrouter.rules;

import java.nio.file.Path;
import java.time.Duration;

/** The rules settings for tests that build the registry without the container. */
public record TestRulesConfig(Path dir, int maxFirings, boolean watch, Duration debounce, int historySize)
        implements RulesConfig {

    public static TestRulesConfig of(Path dir) {
        return new TestRulesConfig(dir, 100, true, Duration.ofMillis(50), 3);
    }
}
