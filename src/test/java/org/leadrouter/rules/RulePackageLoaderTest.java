package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.junit.jupiter.api.Test;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.leadrouter.facts.Lead;

class RulePackageLoaderTest {

    private static final String HEADER = """
            package rules.test
            import org.leadrouter.facts.Lead
            global org.leadrouter.facts.Decision decision
            """;
    private static final String CATCH_ALL = """
            rule "Catch-all" salience -1000
            when Lead()
            then decision.fallback("test-general", "nothing matched");
            end
            """;

    private final RulePackageLoader loader = new RulePackageLoader(100, TestWatchdog.SHARED);

    private static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static Lead lead(String product, String postcode) {
        return new Lead("l-1", "test", "web", Instant.parse("2026-11-25T09:00:00Z"), product, postcode, null, null,
                null, null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void loadsAPackageAndRoutesFirstMatchBySalience() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Motor" salience 10
                when Lead(product == "motor")
                then decision.route("motor-desk", "motor lead");
                end
                rule "Any product" salience 5
                when Lead(product != null)
                then decision.route("products", "has a product");
                end
                """ + CATCH_ALL));

        assertTrue(result.ok(), () -> result.problems().toString());
        SegmentRules rules = result.rules();
        assertEquals(3, rules.ruleCount());
        assertEquals("test-general", rules.fallbackQueue());

        RuleOutcome motor = rules.evaluate(lead("motor", null));
        assertEquals("motor-desk", motor.decision().getQueue());
        assertEquals(List.of("Motor"), motor.rulesFired(), "lower-salience routing rules must not fire once routed");

        RuleOutcome none = rules.evaluate(lead(null, null));
        assertEquals("test-general", none.decision().getQueue());
        assertTrue(none.decision().isFallback());
    }

    @Test
    void aSegmentsFilesCompileTogetherWhateverOrderTheyComeIn() {
        // routing.drl comes first and uses what shared.drl, read after it, declares.
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Motor desk" salience 10
                when Lead(isMotor(product))
                then decision.route("motor-desk", "motor lead");
                end
                """ + CATCH_ALL, "shared.drl", HEADER + """
                function boolean isMotor(String product) {
                    return "motor".equalsIgnoreCase(product);
                }
                """));

        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals("motor-desk", result.rules().evaluate(lead("Motor", null)).decision().getQueue());
        assertEquals("test-general", result.rules().evaluate(lead("home", null)).decision().getQueue());
    }

    @Test
    void scoringRulesRunBeforeRoutingAndSetThePriorityBand() {
        LoadResult result = loader.compile("test", files("scoring.drl", HEADER + """
                rule "Referral" ruleflow-group "scoring"
                when Lead(source == "web")
                then decision.addScore(85, "web lead");
                end
                """, "routing.drl", HEADER + """
                rule "Hot" salience 10
                when Lead()
                then if (decision.getScore() >= 80) { decision.route("hot-desk", "high score"); }
                end
                """ + CATCH_ALL));

        assertTrue(result.ok(), () -> result.problems().toString());
        RuleOutcome outcome = result.rules().evaluate(lead(null, null));
        assertEquals("hot-desk", outcome.decision().getQueue());
        assertEquals(85, outcome.decision().getScore());
        assertEquals(1, outcome.decision().getPriority());
        assertEquals(List.of("Referral", "Hot"), outcome.rulesFired());
    }

    @Test
    void reportsASyntaxErrorWithFileAndLine() {
        LoadResult result = loader.compile("test", files("broken.drl", HEADER + """
                rule "Broken"
                when Lead(product == )
                then decision.route("x", "y");
                end
                """ + CATCH_ALL));

        assertFalse(result.ok());
        RuleProblem problem = result.problems().get(0);
        assertEquals("broken.drl", problem.file());
        assertEquals(5, problem.line(), problem.describe());
    }

    @Test
    void rejectsAPackageWithoutACatchAll() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Motor only"
                when Lead(product == "motor")
                then decision.route("motor-desk", "motor lead");
                end
                """));

        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("no catch-all"), result.problems().toString());
    }

    @Test
    void rejectsAPackageWithoutTheDecisionGlobal() {
        LoadResult result = loader.compile("test", files("routing.drl", """
                package rules.test
                import org.leadrouter.facts.Lead
                rule "Anything" when Lead() then System.out.println("no decision"); end
                """));

        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("global org.leadrouter.facts.Decision decision"));
    }

    @Test
    void aRuleThatThrowsFailsOnlyThatEvaluation() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Explodes on pets" salience 10
                when Lead(product == "pet")
                then throw new IllegalStateException("pet table missing");
                end
                """ + CATCH_ALL));
        assertTrue(result.ok(), () -> result.problems().toString());

        RuleExecutionException e = assertThrows(RuleExecutionException.class,
                () -> result.rules().evaluate(lead("pet", null)));
        assertTrue(e.getMessage().contains("pet table missing"), e.getMessage());
        assertEquals("test-general", result.rules().evaluate(lead("home", null)).decision().getQueue());
    }

    @Test
    void aRunawayRuleIsStoppedAtTheFiringBound() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Keeps re-triggering" salience 10
                when $lead : Lead(product == "home")
                then decision.addScore(1); update($lead);
                end
                """ + CATCH_ALL));
        assertTrue(result.ok(), () -> result.problems().toString());

        RuleExecutionException e = assertThrows(RuleExecutionException.class,
                () -> result.rules().evaluate(lead("home", null)));
        assertTrue(e.getMessage().contains("limit 100"), e.getMessage());
    }

    /** Drools 10.2.0 breaks str[] constraints once jitted (after ~20 evaluations); the loader turns jitting off. */
    @Test
    void stringOperatorsKeepWorkingAfterManyEvaluations() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "South-west London" salience 10
                when Lead(postcode != null, postcode str[startsWith] "SW")
                then decision.route("sw-desk", "SW postcode");
                end
                """ + CATCH_ALL));
        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(ConstraintJitting.OFF, jittingThreshold(result.rules()));

        for (int i = 0; i < 200; i++) {
            String expected = i % 2 == 0 ? "sw-desk" : "test-general";
            String postcode = i % 2 == 0 ? "SW1A 1AA" : "M1 1AA";
            assertEquals(expected, result.rules().evaluate(lead(null, postcode)).decision().getQueue(), "evaluation " + i);
        }
    }

    /**
     * Without an operator of Drools' own, a segment keeps the constraint JIT; its compiled
     * constraints (field to constant, nulls, a method call, a join between two facts) route as
     * interpreted ones do. docs/rules.md advises {@code startsWith} over {@code str[startsWith]}.
     */
    @Test
    void constraintsWithoutDroolsOperatorsAreCompiledAndRouteAlike() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Home in the south-west" salience 20
                when Lead(product == "home", postcode != null, postcode.startsWith("SW"))
                then decision.route("sw-home", "home, SW postcode");
                end
                rule "Same postcode as another home lead" salience 10
                when $home : Lead(product == "home")
                     Lead(this != $home, postcode == $home.postcode)
                then decision.route("pairs", "two leads, one postcode");
                end
                """ + CATCH_ALL));
        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(ConstraintJittingThresholdOption.DEFAULT_VALUE, jittingThreshold(result.rules()));

        for (int i = 0; i < 500; i++) {
            switch (i % 3) {
                case 0 -> assertEquals("sw-home", result.rules().evaluate(lead("home", "SW1A 1AA")).decision().getQueue(), "evaluation " + i);
                case 1 -> assertEquals("test-general", result.rules().evaluate(lead("home", null)).decision().getQueue(), "evaluation " + i);
                default -> assertEquals("test-general", result.rules().evaluate(lead("motor", "SW1A 1AA")).decision().getQueue(), "evaluation " + i);
            }
        }
    }

    @Test
    void theSampleSegmentsKeepTheConstraintJit() {
        for (String segment : List.of("insurance", "telecoms")) {
            LoadResult result = loader.load(segment, Path.of("rules", segment));
            assertTrue(result.ok(), () -> result.problems().toString());
            assertEquals(ConstraintJittingThresholdOption.DEFAULT_VALUE, jittingThreshold(result.rules()), segment);
        }
    }

    private static int jittingThreshold(SegmentRules rules) {
        return ((org.drools.base.RuleBase) rules.kieBase()).getConfiguration()
                .getOption(ConstraintJittingThresholdOption.KEY).getThreshold();
    }

    @Test
    void aConditionThatFailsOnMissingDataIsRejectedAtLoad() {
        LoadResult result = loader.compile("test", files("routing.drl", HEADER + """
                rule "Unguarded" salience 10
                when Lead(postcode str[startsWith] "SW")
                then decision.route("sw-desk", "SW postcode");
                end
                """ + CATCH_ALL));

        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("guard conditions on fields that may be missing"),
                result.problems().toString());
    }

    @Test
    void theVersionChangesWithTheContentOnly() {
        Map<String, byte[]> a = files("routing.drl", HEADER + CATCH_ALL);
        Map<String, byte[]> b = files("routing.drl", HEADER + CATCH_ALL + "\n");
        assertEquals(loader.compile("test", a).version(), loader.compile("test", a).version());
        assertNotEquals(loader.compile("test", a).version(), loader.compile("test", b).version());
    }

    @Test
    void anEmptyFolderIsRejected() {
        LoadResult result = loader.compile("test", Map.of());
        assertFalse(result.ok());
        assertTrue(result.problems().get(0).message().contains("no rule files"));
    }

    @Test
    void aLargePackageCompilesOnTheCallingThreadOnly() {
        // Drools' own pool would take every processor at normal priority, past the reload thread's low one.
        StringBuilder drl = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            drl.append("rule \"Band ").append(i).append("\" salience ").append(i).append('\n')
                    .append("when Lead(estimatedValue != null, estimatedValue > ").append(i * 1000).append(")\n")
                    .append("then decision.route(\"band-").append(i).append("\", \"band\");\nend\n");
        }
        LoadResult result = loader.compile("test", files("bands.drl", drl + CATCH_ALL));

        assertTrue(result.ok(), () -> result.problems().toString());
        assertEquals(41, result.rules().ruleCount());
        assertEquals(0, KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL.getPoolSize(),
                "no rule was built on Drools' parallel compiler pool");
    }
}
