package org.leadrouter.rules;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A rules root of its own (tests write and delete segment folders in it), a short debounce, and
 * the test gate switched on, and a replay candidates root of its own. Tests find the roots through
 * {@link RulesConfig#dir()} and {@code leadrouter.replay.candidates-dir}.
 */
public class RulesReloadTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path root = Files.createTempDirectory("lead-router-rules");
            TestRulePackages.write(root.resolve("alpha/routing.drl"), TestRulePackages.routingTo("alpha-general", 5));
            Path candidates = Files.createTempDirectory("lead-router-candidates");
            return Map.of(
                    "leadrouter.rules.dir", root.toString(),
                    "leadrouter.replay.candidates-dir", candidates.toString(),
                    "leadrouter.rules.debounce", "50ms",
                    TestGate.SWITCH, "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
