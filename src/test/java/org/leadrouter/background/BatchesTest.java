package org.leadrouter.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void aTakeTakesWhatWaitsUpToTheMaximumInOrder() throws InterruptedException {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1, 2, 3, 4, 5));
        List<Integer> batch = new ArrayList<>();

        assertTrue(Batches.take(queue, batch, 3));
        assertEquals(List.of(1, 2, 3), batch);
        assertEquals(List.of(4, 5), new ArrayList<>(queue));
    }

    @Test
    void aTakeFromAnEmptyQueueAddsNothing() throws InterruptedException {
        List<Integer> batch = new ArrayList<>();

        assertFalse(Batches.take(new LinkedBlockingQueue<>(), batch, 3));
        assertEquals(List.of(), batch);
    }

    @Test
    void aGatherAddsWhatArrivesDuringItsWait() throws InterruptedException {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1));
        List<Integer> batch = new ArrayList<>();
        assertTrue(Batches.take(queue, batch, 3));
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            queue.add(2);
        });
        late.start();

        Batches.gather(queue, batch, 3, TimeUnit.SECONDS.toNanos(1));

        late.join();
        assertEquals(List.of(1, 2), batch);
    }

    @Test
    void aGatherNeverGoesPastTheMaximum() throws InterruptedException {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1, 2, 3, 4));
        List<Integer> batch = new ArrayList<>(List.of(0));

        Batches.gather(queue, batch, 3, TimeUnit.MILLISECONDS.toNanos(10));

        assertEquals(List.of(0, 1, 2), batch);
        assertEquals(List.of(3, 4), new ArrayList<>(queue));
    }

    @Test
    void anInterruptedGatherKeepsItsBatchAndTheInterrupt() {
        LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(2));
        List<Integer> batch = new ArrayList<>(List.of(1));
        Thread.currentThread().interrupt();

        Batches.gather(queue, batch, 3, TimeUnit.SECONDS.toNanos(30));

        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertEquals(List.of(1, 2), batch);
    }
}
