package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.ConflictException;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.Offer;

/**
 * Many threads at once make items, change presence, accept, decline and complete, and act as
 * supervisors (transfer, assign, reassign, release, pull), while the scheduler scans; throughout and
 * afterwards no agent holds more than their capacity, no item is offered to two agents, none is lost
 * or doubled, nobody is re-offered what they refused, and no agent keeps more of a capped queue's
 * leads than its cap. Each queue runs another distribution policy (round-robin with sticky routing,
 * weighted, least-loaded with caps, least-loaded with skill relaxation and overflow on wait), so
 * their reads and writes race with everything else.
 * One subclass per database.
 */
abstract class AssignmentConcurrencyContract {

    private static final int THREADS = 8;
    private static final int ITEMS = 400;
    private static final int AGENTS = 20;
    private static final List<String> QUEUES = List.of("q1", "q2", "q3", "q4");
    private static final int CAP_PER_HOUR = 5;
    private static final String POLICIES = """
            {"queues": {
              "q1": {"policy": "round-robin", "stickyDays": 30},
              "q2": {"policy": "weighted", "weights": {"agent-1": 3, "agent-2": 2}},
              "q3": {"capPerHour": %d, "capPerDay": 8},
              "q4": {"relaxSkills": [{"afterSeconds": 1, "levels": 2}],
                     "overflowTo": "q1", "overflowAfterSeconds": 3, "overflowDepth": 15}
            }}""".formatted(CAP_PER_HOUR);

    /** A migrated, empty database of this kind. */
    abstract DataSource dataSource();

    /** leadrouter.assignment.offer-with-lead as the service derives it for this kind of database. */
    abstract boolean offerWithLead();

    @Test
    void invariantsHoldUnderConcurrentIntakePresenceAcceptsAndDeclines() throws Exception {
        TestAssignment t = new TestAssignment(dataSource(), POLICIES, offerWithLead());
        for (int i = 0; i < AGENTS; i++) {
            t.directory.save("agent-" + i, new AgentProfile(null, "Agent " + i, null,
                    List.of(QUEUES.get(i % 4), QUEUES.get((i + 1) % 4)), Map.of("skill", 1 + i % 10), 1 + i % 3, null,
                    List.of("MON-SUN 00:00-24:00"), "ONLINE"));
        }
        Queue<String> made = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> violations = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        Future<?> monitor = pool.submit(() -> {
            while (running.get()) {
                violations.addAll(t.db.inTransaction(AssignmentConcurrencyContract::violations));
            }
            return null;
        });
        Future<?> scanner = pool.submit(() -> {
            while (running.get()) {
                t.scheduler.scan();
            }
            return null;
        });
        List<Future<?>> workers = new ArrayList<>();
        int perThread = ITEMS / THREADS;
        for (int w = 0; w < THREADS; w++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<NewWork> batch = new ArrayList<>();
                List<String> mine = new ArrayList<>();
                for (int n = 0; n < perThread; n++) {
                    String id = "lead-" + Thread.currentThread().getId() + "-" + n;
                    Instant now = t.clock.now();
                    Map<String, Integer> skills = random.nextInt(4) == 0 ? Map.of("skill", 1 + random.nextInt(6)) : Map.of();
                    Set<String> customer = Set.of("email:c" + random.nextInt(20) + "@example.com");
                    batch.add(new NewWork(id, "insurance", QUEUES.get(random.nextInt(4)), skills,
                            1 + random.nextInt(5), random.nextInt(100), "Rule", false, now, now, customer));
                    made.add(id);
                    // New items come in batches of a few, as intake's batches do.
                    if (batch.size() > random.nextInt(4) || n == perThread - 1) {
                        List<NewWork> items = List.copyOf(batch);
                        if (offerWithLead()) {
                            // As the lead writer with offer-with-lead: made and offered in one transaction.
                            t.db.inTransaction(c -> t.assigner.offer(c, t.assigner.enqueue(c, items)));
                        } else {
                            t.assigner.offer(t.assigner.enqueue(items));
                        }
                        items.forEach(item -> mine.add(item.id()));
                        batch.clear();
                    }
                    actAsSomeAgent(t, random);
                    if (random.nextInt(4) == 0 && !mine.isEmpty()) {
                        actAsSupervisor(t, random, mine.get(random.nextInt(mine.size())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        running.set(false);
        monitor.get(1, TimeUnit.MINUTES);
        scanner.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        drain(t);

        assertEquals(List.of(), violations, "seen while running");
        assertEquals(List.of(), t.db.inTransaction(AssignmentConcurrencyContract::violations), "at the end");
        assertEquals(ITEMS, made.size());
        assertEquals(ITEMS, count(t, "SELECT COUNT(*) FROM work_items"), "no item lost or doubled");
        assertEquals(0, count(t, "SELECT COUNT(*) FROM work_items WHERE state IN ('OFFERED', 'ACCEPTED')"),
                "every item was worked to the end or waits visibly");
        assertEquals(0, count(t, "SELECT COUNT(*) FROM agents WHERE load_units <> 0"));
        assertEquals(0, count(t, """
                SELECT COUNT(*) FROM offers later WHERE EXISTS (SELECT 1 FROM offers refused
                  WHERE refused.work_id = later.work_id AND refused.agent_id = later.agent_id
                    AND refused.state IN ('DECLINED', 'TIMED_OUT') AND refused.id < later.id)"""),
                "nobody is offered what they refused");
        assertTrue(count(t, "SELECT COUNT(*) FROM work_items WHERE state = 'COMPLETED'") > ITEMS / 2);
        // Which actions find their item in a state that allows them is down to timing (a release
        // needs an escalated item, a reassignment an accepted one): three kinds is what every run gives.
        assertTrue(count(t, "SELECT COUNT(DISTINCT kind) FROM work_events WHERE actor IS NOT NULL") >= 3,
                "supervisor actions took effect, not only refusals");
    }

    /** One agent's move: mostly accept or complete, sometimes decline or change presence. */
    private static void actAsSomeAgent(TestAssignment t, ThreadLocalRandom random) {
        String agent = "agent-" + random.nextInt(AGENTS);
        try {
            int move = random.nextInt(10);
            if (move == 0) {
                t.directory.setPresence(agent, List.of("ONLINE", "AWAY", "OFFLINE", "BUSY").get(random.nextInt(4)));
            } else if (move == 1) {
                t.directory.setPresence(agent, "ONLINE");
            } else {
                for (Offer offer : t.directory.openOffers(agent)) {
                    if (move == 2) {
                        t.assigner.decline(offer.id(), "busy", null);
                    } else {
                        t.assigner.accept(offer.id());
                        t.assigner.complete(offer.workId());
                    }
                }
            }
        } catch (ConflictException raced) {
            // Another thread closed the offer or completed the work first: that is the point.
        }
    }

    /** One supervisor's move on an item made earlier, or an agent's pull. */
    private static void actAsSupervisor(TestAssignment t, ThreadLocalRandom random, String item) {
        String agent = "agent-" + random.nextInt(AGENTS);
        try {
            switch (random.nextInt(5)) {
                case 0 -> t.supervision.transfer(item, QUEUES.get(random.nextInt(4)), null, "boss");
                case 1 -> t.supervision.assign(item, agent, "boss");
                case 2 -> t.supervision.reassign(item, agent, "boss");
                case 3 -> t.supervision.release(item, "boss");
                default -> t.supervision.pull(agent, agent);
            }
        } catch (ConflictException raced) {
            // Completed, not accepted, not escalated, or the agent is full: refused, as it should be.
        }
    }

    /** Everyone online, accepting and completing, until no offer is left open and no work is held. */
    private static void drain(TestAssignment t) {
        List<String> held = t.db.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM work_items WHERE state = 'ACCEPTED'");
                 ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
        held.forEach(t.assigner::complete);
        for (int i = 0; i < AGENTS; i++) {
            t.directory.setPresence("agent-" + i, "ONLINE");
        }
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            t.scheduler.scan();
            for (int i = 0; i < AGENTS; i++) {
                for (Offer offer : t.directory.openOffers("agent-" + i)) {
                    t.assigner.accept(offer.id());
                    t.assigner.complete(offer.workId());
                    progressed = true;
                }
            }
        }
    }

    /** Agents over capacity, load out of step with what they hold, items with two open offers, caps passed. */
    static List<String> violations(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT a.id, a.capacity, a.load_units,
                       (SELECT COUNT(*) FROM offers o WHERE o.agent_id = a.id AND o.state = 'OPEN')
                     + (SELECT COUNT(*) FROM work_items w WHERE w.agent_id = a.id AND w.state = 'ACCEPTED') AS held
                FROM agents a""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int capacity = rows.getInt(2);
                int load = rows.getInt(3);
                int held = rows.getInt(4);
                if (held > capacity || load != held) {
                    found.add(rows.getString(1) + " capacity " + capacity + " load " + load + " holds " + held);
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT w.id, w.state, (SELECT COUNT(*) FROM offers o WHERE o.work_id = w.id AND o.state = 'OPEN')
                FROM work_items w""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int open = rows.getInt(3);
                boolean offered = "OFFERED".equals(rows.getString(2));
                if (open > 1 || offered != (open == 1)) {
                    found.add("item " + rows.getString(1) + " " + rows.getString(2) + " with " + open + " open offers");
                }
            }
        }
        // The whole run fits in the hour: every lead of q3 an agent kept counts against the cap,
        // except those offered while escalated, which caps never hold back (docs/assignment.md).
        // q3 has no escalation target, so a lead refused three times is escalated within q3.
        try (PreparedStatement select = c.prepareStatement("""
                SELECT o.agent_id, COUNT(*) FROM offers o JOIN work_items w ON w.id = o.work_id
                WHERE o.queue = 'q3' AND o.state IN ('OPEN', 'ACCEPTED') AND NOT w.escalated
                GROUP BY o.agent_id HAVING COUNT(*) > ?""")) {
            select.setInt(1, CAP_PER_HOUR);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + " kept " + rows.getLong(2) + " leads of q3, capped at " + CAP_PER_HOUR);
                }
            }
        }
        return found;
    }

    private static long count(TestAssignment t, String sql) {
        return t.db.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
