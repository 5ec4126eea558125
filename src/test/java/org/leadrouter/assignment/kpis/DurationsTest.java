package org.leadrouter.assignment.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void percentilesAreNearestRankOfTheSortedTimes() {
        List<Double> seconds = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(i -> i / 10.0).toList());
        Collections.shuffle(seconds);

        Durations d = Durations.of(seconds);

        assertEquals(200, d.count());
        assertEquals(10.05, d.meanSeconds(), 1e-9);
        assertEquals(10.0, d.p50Seconds());
        assertEquals(18.0, d.p90Seconds());
        assertEquals(19.8, d.p99Seconds(), "the 198th of 200");
        assertEquals(20.0, d.maxSeconds());
    }

    @Test
    void noTimesGiveZeros() {
        assertEquals(new Durations(0, 0, 0, 0, 0, 0), Durations.of(List.of()));
    }
}
