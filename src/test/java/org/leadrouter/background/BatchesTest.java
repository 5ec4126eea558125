package org.leadrouter.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
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
}
