package org.leadrouter.rules;

import java.time.Duration;

/** One deadline watchdog for tests that build rules without the container; generous, as the test profile. */
public final class TestWatchdog {

    public static final EvaluationWatchdog SHARED = new EvaluationWatchdog(Duration.ofSeconds(1), stopped -> { });

    private TestWatchdog() {
    }
}
