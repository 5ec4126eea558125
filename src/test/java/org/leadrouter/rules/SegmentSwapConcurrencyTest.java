package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.facts.Decision;
import org.leadrouter.facts.Lead;
import org.leadrouter.versions.TestJournals;

/**
 * Many threads decide while another swaps good and broken versions in: every decision must come
 * whole from one version (its queue and its score from the same package) and none may fail.
 */
class SegmentSwapConcurrencyTest {

    private static final int DECIDERS = 3;
    private static final int RELOADS = 12;

    @TempDir
    Path root;

    @Test
    void decisionsDuringRepeatedSwapsEachComeFromOneCompleteVersion() throws Exception {
        SegmentRegistry registry = new SegmentRegistry(TestRulesConfig.of(root), List.of(), TestWatchdog.SHARED, TestJournals.h2());
        Map<String, Integer> scoreOfQueue = Map.of("q-a", 11, "q-b", 22);
        // Known before any swap, so a decider never meets a version it cannot check.
        Map<String, String> queueOfVersion = Map.of(versionOf("q-a", 11), "q-a", versionOf("q-b", 22), "q-b");
        load(registry, "q-a", 11);

        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicLong decisions = new AtomicLong();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch deciding = new CountDownLatch(DECIDERS);
        List<Thread> deciders = new ArrayList<>();
        for (int i = 0; i < DECIDERS; i++) {
            Lead lead = RulePackageLoaderTest.lead("motor", "SW1A 1AA");
            Thread thread = new Thread(() -> {
                deciding.countDown();
                while (swapping.get()) {
                    try {
                        SegmentRules rules = registry.active("seg").orElseThrow();
                        RuleOutcome outcome = rules.evaluate(lead);
                        Decision decision = outcome.decision();
                        String expectedQueue = queueOfVersion.get(rules.version());
                        if (!decision.getQueue().equals(expectedQueue)
                                || decision.getScore() != scoreOfQueue.get(decision.getQueue())
                                || !outcome.rulesFired().equals(List.of("Score", "Catch-all"))) {
                            failures.add(rules.version() + " decided " + decision.getQueue() + " score "
                                    + decision.getScore() + " fired " + outcome.rulesFired());
                        }
                        decisions.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }, "decider-" + i);
            thread.start();
            deciders.add(thread);
        }
        deciding.await();

        List<ReloadOutcome.Result> results = new ArrayList<>();
        for (int i = 0; i < RELOADS; i++) {
            ReloadOutcome outcome = switch (i % 3) {
                case 0 -> load(registry, "q-b", 22);
                case 1 -> loadBroken(registry);
                default -> load(registry, "q-a", 11);
            };
            results.add(outcome.result());
        }
        swapping.set(false);
        for (Thread thread : deciders) {
            thread.join();
        }

        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(decisions.get() > 0);
        assertEquals(RELOADS / 3, results.stream().filter(r -> r == ReloadOutcome.Result.REJECTED).count());
        assertEquals(2 * RELOADS / 3, results.stream().filter(r -> r == ReloadOutcome.Result.PROMOTED).count());
    }

    private static String versionOf(String queue, int points) {
        return RuleSetVersion.of("seg", Map.of("routing.drl",
                TestRulePackages.routingTo(queue, points).getBytes(StandardCharsets.UTF_8)));
    }

    private ReloadOutcome load(SegmentRegistry registry, String queue, int points) {
        TestRulePackages.write(root.resolve("seg/routing.drl"), TestRulePackages.routingTo(queue, points));
        return registry.reload("seg");
    }

    private ReloadOutcome loadBroken(SegmentRegistry registry) {
        TestRulePackages.write(root.resolve("seg/routing.drl"), TestRulePackages.unknownField());
        return registry.reload("seg");
    }
}
