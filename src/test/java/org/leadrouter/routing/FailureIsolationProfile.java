package org.leadrouter.routing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Segments that fail in every way a segment can (does not compile, throws, runs away) beside
 * one that works, and a postcode reference that cannot be read.
 */
public class FailureIsolationProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadrouter.rules.dir", "src/test/resources/failure-rules",
                "leadrouter.rules.max-firings", "50",
                "leadrouter.enrichment.postcode-areas", "src/test/resources/no-such-postcode-areas.csv");
    }
}
