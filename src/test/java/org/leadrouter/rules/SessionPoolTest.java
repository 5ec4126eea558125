package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions reused from lead to lead: fewer created, and nothing carried from one lead to the next. */
class SessionPoolTest {

    private static final String RULES = """
            package rules.test
            import org.leadrouter.facts.Lead
            global org.leadrouter.facts.Decision decision

            rule "Web" ruleflow-group "scoring"
            when Lead(source == "web")
            then decision.addScore(30, "web");
            end

            rule "Boom"
            when Lead(product == "boom")
            then throw new IllegalStateException("boom");
            end

            rule "Leftover lead" salience 100
            when Number(intValue > 1) from accumulate(Lead(), count(1))
            then decision.route("leftover", "a lead from an earlier evaluation is still in the session");
            end

            rule "Motor" salience 10
            when Lead(product == "motor")
            then decision.route("motor-desk", "motor");
            end

            rule "Catch-all" salience -1000
            when Lead()
            then decision.fallback("general", "nothing matched");
            end
            """;

    private final SegmentRules rules = new RulePackageLoader(100, TestWatchdog.SHARED)
            .compile("test", Map.of("routing.drl", RULES.getBytes(StandardCharsets.UTF_8))).rules();

    private static org.leadrouter.facts.Lead lead(String product, String source) {
        return new org.leadrouter.facts.Lead("l-1", "test", source, java.time.Instant.parse("2026-11-25T09:00:00Z"),
                product, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void leadAfterLeadReusesOneSession() {
        for (int i = 0; i < 50; i++) {
            rules.evaluate(lead(i % 2 == 0 ? "motor" : null, "web"));
        }

        assertEquals(1, rules.kieBase().getKieSessions().size(),
                "one thread deciding lead after lead needs one session, kept for the next lead");
    }

    @Test
    void aReusedSessionCarriesNothingFromTheLeadBefore() {
        rules.evaluate(lead("motor", "web"));

        RuleOutcome next = rules.evaluate(lead(null, "phone"));

        assertEquals("general", next.decision().getQueue(), "the earlier lead's fact must be gone");
        assertEquals(0, next.decision().getScore(), "the earlier lead's score must be gone");
        assertEquals(List.of("Catch-all"), next.rulesFired());
    }

    @Test
    void aSessionARuleThrewInIsNotUsedAgain() {
        rules.evaluate(lead("motor", "web"));
        assertThrows(RuleExecutionException.class, () -> rules.evaluate(lead("boom", "web")));

        assertTrue(rules.kieBase().getKieSessions().isEmpty(), "the session the rule threw in is disposed");
        RuleOutcome next = rules.evaluate(lead("motor", "web"));
        assertEquals("motor-desk", next.decision().getQueue());
        assertEquals(30, next.decision().getScore());
        assertEquals(List.of("Web", "Motor"), next.rulesFired());
    }
}
