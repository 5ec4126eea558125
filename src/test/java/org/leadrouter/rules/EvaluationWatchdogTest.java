package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationWatchdogTest {

    /** The loop of the issue: never returns, allocates nothing, calls nothing. */
    private static long loopForever() {
        long x = 0;
        while (x >= 0) {
            x = (x + 1) % 1000;
        }
        return x;
    }

    private static long spin(long nanos) {
        long until = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < until) {
            x++;
        }
        return x;
    }

    @Test
    void aStuckEvaluationIsStoppedNamingItsRuleAndTheThreadCarriesOn() {
        List<EvaluationWatchdog.Stopped> stops = new ArrayList<>();
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(100), stops::add)) {
            RuleDeadlineException stuck = assertThrows(RuleDeadlineException.class,
                    () -> watchdog.guard("telecoms", "telecoms@1", evaluation -> {
                        evaluation.firing("TV loops");
                        return loopForever();
                    }));
            assertEquals("TV loops", stuck.rule());
            assertEquals("rule 'TV loops' did not finish within 100ms", stuck.getMessage());
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt that comes with a stop is cleared");

            assertEquals("fine", watchdog.guard("telecoms", "telecoms@1", evaluation -> "fine"));
            Eventually.await("the stop is reported", () -> stops.size() == 1, () -> stops);
            assertEquals(new EvaluationWatchdog.Stopped("telecoms", "telecoms@1", "TV loops", Duration.ofMillis(100)),
                    stops.get(0));
        }
    }

    @Test
    void aConditionThatHangsIsStoppedWithNoRuleToName() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(50), stopped -> { })) {
            RuleDeadlineException stuck = assertThrows(RuleDeadlineException.class,
                    () -> watchdog.guard("telecoms", "telecoms@1", evaluation -> loopForever()));
            assertNull(stuck.rule());
        }
    }

    @Test
    void whenTheServiceStopsARunningEvaluationIsStoppedWithoutWaitingForTheDeadline() throws Exception {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMinutes(10), stopped -> { })) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            CountDownLatch looping = new CountDownLatch(1);
            Thread deciding = new Thread(() -> {
                try {
                    watchdog.guard("telecoms", "telecoms@1", evaluation -> {
                        evaluation.firing("TV loops");
                        looping.countDown();
                        return loopForever();
                    });
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });
            deciding.setDaemon(true);
            deciding.start();
            looping.await();

            watchdog.stopEverything();

            Throwable stopped = failure.get(30, TimeUnit.SECONDS);
            assertEquals(RuleExecutionException.class, stopped.getClass(), "not a deadline: the version is not quarantined");
            assertEquals("rule 'TV loops' was stopped: the service is shutting down", stopped.getMessage());
        }
    }

    @Test
    void anEvaluationWithinTheDeadlineIsNeverStopped() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(300), stopped -> { })) {
            for (int i = 0; i < 5; i++) {
                assertTrue(watchdog.guard("s", "s@1", evaluation -> spin(150_000_000)) > 0);
            }
        }
    }

    /** A thread the machine is too busy to run, or a cold first lead, is slow, not stuck: it is left to finish. */
    @Test
    void anEvaluationPastTheDeadlineThatIsNotBusyIsLeftToFinish() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(50), stopped -> { })) {
            assertEquals("done", watchdog.guard("s", "s@1", evaluation -> {
                sleep(250);
                return "done";
            }));
        }
    }

    /** A thread that gets the processor only now and then (a low-priority reload on a busy machine) is slow, not blocked. */
    @Test
    void anEvaluationStarvedOfTheProcessorButMakingProgressIsLeftToFinish() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(20), stopped -> { })) {
            assertEquals("done", watchdog.guard("s", "s@1", evaluation -> {
                // 15 deadlines of wall time, a fraction of one deadline of processor time.
                for (int i = 0; i < 30; i++) {
                    spin(200_000);
                    sleep(10);
                }
                return "done";
            }));
        }
    }

    @Test
    void anEvaluationBlockedForTenDeadlinesIsStopped() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(50), stopped -> { })) {
            assertThrows(RuleDeadlineException.class, () -> watchdog.guard("s", "s@1", evaluation -> {
                sleep(60_000);
                return "woke";
            }));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRuleFailureInsideTheDeadlineIsPassedOnUnchanged() {
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofSeconds(5), stopped -> { })) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> watchdog.guard("s", "s@1", evaluation -> {
                        throw new IllegalStateException("table unavailable");
                    }));
            assertEquals("table unavailable", thrown.getMessage());
        }
    }

    /**
     * Evaluations that end just before, at or just after a tiny deadline race the watchdog at
     * every step. A stop that landed after its evaluation finished would escape here, outside
     * any guard, and fail the test; every stop must surface as exactly one deadline failure.
     */
    @Test
    void aStopNeverLandsOutsideItsEvaluation() {
        AtomicInteger stopped = new AtomicInteger();
        try (EvaluationWatchdog watchdog = new EvaluationWatchdog(Duration.ofMillis(1), s -> stopped.incrementAndGet())) {
            Random random = new Random(11);
            int finished = 0;
            int exceeded = 0;
            for (int i = 0; i < 2000; i++) {
                // Past the 1 ms deadline an evaluation must keep a processor busy for 1 ms more
                // to be stopped: up to 6 ms of work ends on both sides of that.
                long work = random.nextInt(6_000_000);
                try {
                    watchdog.guard("s", "s@1", evaluation -> spin(work));
                    finished++;
                } catch (RuleDeadlineException e) {
                    exceeded++;
                }
                spin(50_000);
            }
            int deadlineFailures = exceeded;
            assertTrue(finished > 0 && exceeded > 0, finished + " finished, " + exceeded + " exceeded");
            Eventually.await("every stop reported", () -> stopped.get() == deadlineFailures,
                    () -> stopped.get() + " stops for " + deadlineFailures + " deadline failures");
            spin(100_000_000);
            assertEquals(deadlineFailures, stopped.get());
        }
    }
}
