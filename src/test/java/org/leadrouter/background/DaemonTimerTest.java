package org.leadrouter.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class DaemonTimerTest {

    private static final Logger LOG = Logger.getLogger(DaemonTimerTest.class);

    @Test
    void eachRunIsFollowedByThePauseItAnswers() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        ScheduledExecutorService timer = DaemonTimer.startPaced("paced-test", Duration.ZERO, () -> {
            runs.incrementAndGet();
            three.countDown();
            return Duration.ofMillis(1);
        }, Duration.ofHours(1), LOG, "failed");

        assertTrue(three.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " times");
        timer.shutdown();
    }

    @Test
    void aFailedRunIsLoggedAndTheNextWaitsThePauseAfterFailure() throws InterruptedException {
        CountDownLatch twice = new CountDownLatch(2);
        ScheduledExecutorService timer = DaemonTimer.startPaced("paced-test", Duration.ZERO, () -> {
            twice.countDown();
            throw new IllegalStateException("expected by the test");
        }, Duration.ofMillis(1), LOG, "a run failed (expected by the test)");

        assertTrue(twice.await(10, TimeUnit.SECONDS), "ran again after a failure");
        timer.shutdown();
    }

    @Test
    void theRunWaitingForItsTimeDoesNotStartAfterShutdown() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        ScheduledExecutorService timer = DaemonTimer.start("fixed-test", Duration.ZERO, Duration.ofMillis(300), () -> {
            runs.incrementAndGet();
            first.countDown();
        }, LOG, "failed");
        assertTrue(first.await(10, TimeUnit.SECONDS));

        timer.shutdown();

        assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }
}
