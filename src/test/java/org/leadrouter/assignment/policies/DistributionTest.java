package org.leadrouter.assignment.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.OfferState;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.db.Timestamps;
import org.leadrouter.db.Transactions;

/** Each policy's distribution of 1,000 leads, on the real engine over H2, every lead accepted and completed at once. */
class DistributionTest {

    private static final int LEADS = 1_000;
    private static final List<String> TEAM = List.of("a", "b", "c", "d");

    @Test
    void roundRobinRotatesThroughAvailableAgentsWithoutCatchUpAndCarriesOnAfterARestart() {
        String queues = """
                {"queues": {"rr": {"policy": "round-robin"}}}""";
        TestAssignment t = new TestAssignment(TestAssignment.h2(), queues);
        TEAM.forEach(id -> t.agent(id, List.of("rr"), Map.of(), 1_000, "ONLINE"));
        // "d" holds work: least-loaded would pass them over, round-robin does not look at load.
        t.agent("d", List.of("rr", "other"), Map.of(), 1_000, "ONLINE");
        for (int i = 0; i < 5; i++) {
            t.assigner.accept(t.assigner.offer(t.enqueue("other", Map.of(), Set.of())).orElseThrow().id());
        }

        List<String> order = new ArrayList<>();
        List<Set<String>> online = new ArrayList<>();
        TestAssignment current = t;
        for (int n = 0; n < LEADS; n++) {
            if (n == 400) {
                current.directory.setPresence("b", "OFFLINE");
            } else if (n == 600) {
                current.directory.setPresence("b", "ONLINE");
            } else if (n == 700) {
                current = new TestAssignment(t.dataSource, queues);
            }
            online.add(n >= 400 && n < 600 ? Set.of("a", "c", "d") : Set.copyOf(TEAM));
            order.add(serve(current, "rr"));
        }

        for (int n = 1; n < LEADS; n++) {
            assertEquals(next(order.get(n - 1), online.get(n)), order.get(n), "lead " + n + " in the rotation");
        }
        Map<String, Long> counts = counts(order);
        assertEquals(200, counts.get("b"), "b missed 200 leads while offline and does not catch up: " + counts);
        for (String id : List.of("a", "c", "d")) {
            assertTrue(Math.abs(counts.get(id) - 800 / 3.0) <= 1, "even among the others: " + counts);
        }
    }

    @Test
    void weightedGivesAWeightTwoAgentTwiceTheLeadsWithinTwoPointsOfShare() {
        TestAssignment t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"w": {"policy": "weighted", "weights": {"a": 2, "d": 3}}}}""");
        TEAM.forEach(id -> t.agent(id, List.of("w"), Map.of(), 1_000, "ONLINE"));

        List<String> order = new ArrayList<>();
        for (int n = 0; n < LEADS; n++) {
            order.add(serve(t, "w"));
        }

        // weights a 2, b 1, c 1, d 3: shares 2/7, 1/7, 1/7, 3/7
        Map<String, Long> counts = counts(order);
        Map<String, Integer> weights = Map.of("a", 2, "b", 1, "c", 1, "d", 3);
        for (String id : TEAM) {
            double share = counts.get(id) / (double) LEADS;
            double expected = weights.get(id) / 7.0;
            assertTrue(Math.abs(share - expected) <= 0.02, id + " got " + share + " of the leads, weight share " + expected);
        }
        // Across any stretch of one window, too: the balance is kept as it goes, not only in total.
        Map<String, Long> lastWindow = counts(order.subList(LEADS - Distribution.WEIGHT_WINDOW, LEADS));
        for (String id : TEAM) {
            double expected = Distribution.WEIGHT_WINDOW * weights.get(id) / 7.0;
            assertTrue(Math.abs(lastWindow.get(id) - expected) <= 2, id + " in the last window: " + lastWindow);
        }
    }

    @Test
    void underWeightedAnAgentBackFromABreakCatchesUpOnlyWithinTheWindow() {
        TestAssignment t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"w": {"policy": "weighted"}}}""");
        t.agent("a", List.of("w"), Map.of(), 1_000, "ONLINE");
        t.agent("b", List.of("w"), Map.of(), 1_000, "OFFLINE");
        for (int n = 0; n < 300; n++) {
            serve(t, "w");
        }

        t.directory.setPresence("b", "ONLINE");
        List<String> order = new ArrayList<>(Collections.nCopies(300, "a"));
        for (int n = 0; n < 300; n++) {
            order.add(serve(t, "w"));
        }

        // Equal weights, window 100: b is 100 behind within it, so takes the next 50 ...
        List<String> after = order.subList(300, order.size());
        assertEquals(List.of("b"), after.subList(0, Distribution.WEIGHT_WINDOW / 2).stream().distinct().toList());
        // ... and from then on every window of 100 is even; b's catch-up is not on the 300 missed.
        for (int end = 350; end <= order.size(); end++) {
            Map<String, Long> window = counts(order.subList(end - Distribution.WEIGHT_WINDOW, end));
            assertTrue(Math.abs(window.get("a") - window.get("b")) <= 2, "window ending at " + end + ": " + window);
        }
        long ahead = 0;
        for (String agent : after) {
            ahead += agent.equals("b") ? 1 : -1;
            assertTrue(ahead <= Distribution.WEIGHT_WINDOW / 2, "b never gains more than half a window on a");
        }
    }

    @Test
    void capsPerHourAndPerDayAreNeverExceededAndFreeAgainAsTheWindowsPass() {
        TestAssignment t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"capped": {"capPerHour": 30, "capPerDay": 50, "slaMinutes": 10000}}}""");
        TEAM.forEach(id -> t.agent(id, List.of("capped"), Map.of(), 1_000, "ONLINE"));

        // 1,000 leads over 100 minutes: ten a minute, far more than 4 agents x 30 an hour. Each
        // minute's scan offers waiting items to agents whose earliest leads left the hour.
        for (int n = 0; n < LEADS; n++) {
            if (n % 10 == 0) {
                t.clock.advance(Duration.ofMinutes(1));
                scanAndComplete(t);
            }
            t.assigner.offer(t.enqueue("capped", Map.of(), Set.of())).ifPresent(offer -> complete(t, offer));
        }
        Map<String, List<Instant>> kept = kept(t);
        assertCaps(kept, 30, 50);
        // 30 in the first hour; in the 40 minutes after it, 20 more as the first left the hour, up to the day's 50.
        TEAM.forEach(id -> assertEquals(50, kept.get(id).size(), id));

        // A day later both caps are free again: the scan offers waiting items up to the hour's cap.
        t.clock.advance(Duration.ofDays(1));
        scanAndComplete(t);
        Map<String, List<Instant>> later = kept(t);
        assertCaps(later, 30, 50);
        TEAM.forEach(id -> assertEquals(80, later.get(id).size(), id + " took a new hour's cap from the waiting items"));
    }

    @Test
    void aBatchOfferedInOneTransactionIsDistributedAsTheSameItemsOfferedOneAtATime() {
        String queues = """
                {"queues": {"rr": {"policy": "round-robin"}, "w": {"policy": "weighted", "weights": {"a": 3}},
                            "least": {}, "capped": {"capPerHour": 4}}}""";
        for (String queue : List.of("rr", "w", "least", "capped")) {
            TestAssignment single = new TestAssignment(TestAssignment.h2(), queues);
            TestAssignment batched = new TestAssignment(TestAssignment.h2(), queues);
            for (TestAssignment t : List.of(single, batched)) {
                TEAM.forEach(id -> t.agent(id, List.of(queue), Map.of(), 5, "ONLINE"));
            }
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                ids.add("lead-%02d".formatted(n));
            }
            List<String> oneAtATime = new ArrayList<>();
            for (String id : ids) {
                single.assigner.enqueue(List.of(newWork(single, id, queue)));
                oneAtATime.add(single.assigner.offer(id).map(Offer::agentId).orElse("nobody"));
            }
            batched.assigner.enqueue(ids.stream().map(id -> newWork(batched, id, queue)).toList());
            Map<String, String> together = batched.assigner.offer(ids).stream()
                    .collect(Collectors.toMap(Offer::workId, Offer::agentId));

            assertEquals(oneAtATime, ids.stream().map(id -> together.getOrDefault(id, "nobody")).toList(), queue);
            assertEquals(queue.equals("capped") ? 16 : 20, together.size(), queue + ": capacity 5 and the caps hold");
            for (String agent : TEAM) {
                assertEquals(batched.directory.openOffers(agent).size(), batched.db.inTransaction(
                        c -> batched.agents.state(c, agent)).orElseThrow().load(), "load kept with the offers");
            }
        }
    }

    private static NewWork newWork(TestAssignment t, String id, String queue) {
        Instant now = t.clock.now();
        return new NewWork(id, "insurance", queue, Map.of(), 3, 10, "Rule", false, now, now);
    }

    private static void scanAndComplete(TestAssignment t) {
        t.scheduler.scan();
        TEAM.forEach(id -> t.directory.openOffers(id).forEach(offer -> complete(t, offer)));
    }

    @Test
    void anItemEscalatedToACappedAgentIsStillOfferedToThem() {
        TestAssignment t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"capped": {"capPerHour": 1, "escalateTo": "agent:boss"}}}""");
        t.agent("boss", List.of("capped"), Map.of(), 5, "ONLINE");
        assertEquals("boss", serve(t, "capped"), "boss takes the hour's one lead");
        List.of("a1", "a2", "a3").forEach(id -> t.agent(id, List.of("capped"), Map.of(), 5, "ONLINE"));

        String id = t.enqueue("capped", Map.of(), Set.of());
        t.assigner.offer(id);
        t.directory.setPresence("boss", "AWAY");
        for (int refusals = 0; refusals < TestAssignment.MAX_ATTEMPTS; refusals++) {
            Offer open = t.db.inTransaction(c -> t.work.offersFor(c, id)).stream()
                    .filter(o -> o.state() == OfferState.OPEN).findFirst().orElseThrow();
            t.assigner.decline(open.id(), "other", "no");
        }
        assertEquals(WorkState.ESCALATED, t.item(id).state(), "boss is away");

        t.directory.setPresence("boss", "ONLINE");
        assertEquals("boss", t.item(id).agentId(), "the cap does not hold back an escalation");
        assertEquals(WorkState.OFFERED, t.item(id).state());
        String next = t.enqueue("capped", Map.of(), Set.of());
        t.directory.setPresence("a1", "AWAY");
        t.directory.setPresence("a2", "AWAY");
        t.directory.setPresence("a3", "AWAY");
        assertTrue(t.assigner.offer(next).isEmpty(), "but a routed lead still waits for boss's cap");
    }

    /** Every kept offer, counted with the agent's kept offers in the hour and the day before it. */
    private static void assertCaps(Map<String, List<Instant>> kept, int perHour, int perDay) {
        kept.forEach((agent, times) -> {
            for (Instant at : times) {
                long hour = times.stream().filter(o -> o.isAfter(at.minus(Duration.ofHours(1))) && !o.isAfter(at)).count();
                long day = times.stream().filter(o -> o.isAfter(at.minus(Duration.ofDays(1))) && !o.isAfter(at)).count();
                assertTrue(hour <= perHour, agent + " kept " + hour + " in the hour to " + at);
                assertTrue(day <= perDay, agent + " kept " + day + " in the day to " + at);
            }
        });
    }

    private static Map<String, List<Instant>> kept(TestAssignment t) {
        return t.db.inTransaction(c -> {
            Map<String, List<Instant>> kept = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT agent_id, offered_at FROM offers WHERE state IN ('OPEN', 'ACCEPTED') ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kept.computeIfAbsent(rows.getString(1), a -> new ArrayList<>()).add(Timestamps.instant(rows, "offered_at"));
                }
            }
            return kept;
        });
    }

    /** One lead made, offered, accepted and completed; returns who got it. */
    private static String serve(TestAssignment t, String queue) {
        Optional<Offer> offer = t.assigner.offer(t.enqueue(queue, Map.of(), Set.of()));
        complete(t, offer.orElseThrow());
        return offer.get().agentId();
    }

    private static void complete(TestAssignment t, Offer offer) {
        t.assigner.accept(offer.id());
        t.assigner.complete(offer.workId());
    }

    private static String next(String previous, Set<String> online) {
        TreeSet<String> ids = new TreeSet<>(online);
        String after = ids.higher(previous);
        return after != null ? after : ids.first();
    }

    private static Map<String, Long> counts(List<String> agents) {
        return agents.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
