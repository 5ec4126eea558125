package org.leadrouter.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.leadrouter.routing.FallbackCause.ENRICHMENT_DEGRADED;
import static org.leadrouter.routing.FallbackCause.INCOMPLETE_DATA;
import static org.leadrouter.routing.FallbackCause.NO_RULE_MATCHED;
import static org.leadrouter.routing.FallbackCause.RULE_FAILED;
import static org.leadrouter.routing.FallbackCause.SEGMENT_FAILED;
import static org.leadrouter.routing.FallbackCause.UNKNOWN_SEGMENT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.db.Database;
import org.leadrouter.db.Transactions;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.kpis.Kpis.Block;

/** The three KPIs against a history whose every figure is worked out by hand below; one subclass per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KpiBlocksContract {

    static final Instant NOW = Instant.parse("2026-11-25T11:00:00Z");
    static final KpiWindow HOUR = KpiWindow.of(Instant.parse("2026-11-25T10:00:00Z"), NOW, ZoneId.of("Europe/London"));

    Block overall;
    final Map<String, Block> segments = new TreeMap<>();
    Transactions db;

    /** A freshly migrated database of this kind for the class. */
    abstract DataSource dataSource();

    abstract Database database();

    @BeforeAll
    void recordHistory() throws Exception {
        DataSource dataSource = dataSource();
        History h = new History(dataSource, new LeadStore(dataSource, database()));
        // Leads: insurance 8 (4 by a rule, 4 fallback), telecoms 2 (1 fallback), pets 1 (unknown segment),
        // and two outside the window.
        for (int i = 0; i < 4; i++) {
            h.lead("insurance", "2026-11-25T10:05:0" + i + "Z", null);
        }
        h.lead("insurance", "2026-11-25T10:05:30Z", NO_RULE_MATCHED);
        h.lead("insurance", "2026-11-25T10:05:40Z", INCOMPLETE_DATA);
        h.lead("insurance", "2026-11-25T10:40:00Z", RULE_FAILED);
        h.lead("insurance", "2026-11-25T10:40:10Z", ENRICHMENT_DEGRADED);
        h.lead("telecoms", "2026-11-25T10:10:00Z", null);
        h.lead("telecoms", "2026-11-25T10:10:05Z", SEGMENT_FAILED);
        h.lead("pets", "2026-11-25T10:10:10Z", UNKNOWN_SEGMENT);
        h.lead("insurance", "2026-11-25T09:59:59Z", NO_RULE_MATCHED);
        h.lead("insurance", "2026-11-25T11:00:00Z", NO_RULE_MATCHED);

        // Time to assign: insurance 10, 30, 60, 60 s; telecoms 20 s; one accepted before the window.
        h.item("i1", "insurance", "ACCEPTED", "2026-11-25T10:00:00Z", "2026-11-25T10:00:10Z", "r");
        h.item("i2", "insurance", "ACCEPTED", "2026-11-25T10:01:00Z", "2026-11-25T10:01:30Z", "r");
        h.item("i3", "insurance", "ACCEPTED", "2026-11-25T10:02:00Z", "2026-11-25T10:03:00Z", "r");
        h.item("c1", "insurance", "COMPLETED", "2026-11-25T10:19:00Z", "2026-11-25T10:20:00Z", "r");
        h.item("i4", "telecoms", "ACCEPTED", "2026-11-25T10:10:00Z", "2026-11-25T10:10:20Z", "r");
        h.item("i5", "insurance", "ACCEPTED", "2026-11-25T09:00:00Z", "2026-11-25T09:30:00Z", "r");
        // Not yet accepted: 600 s and 300 s old at NOW.
        h.item("w1", "insurance", "WAITING", "2026-11-25T10:50:00Z", null, "r");
        h.item("w2", "telecoms", "OFFERED", "2026-11-25T10:55:00Z", null, "r");

        h.agent("a1");
        h.agent("a2");
        h.offer("i1", "a1", "insurance-general", "ACCEPTED", null, "2026-11-25T10:00:10Z");
        h.offer("i2", "a2", "insurance-general", "DECLINED", "busy", "2026-11-25T10:00:40Z");
        h.offer("i2", "a1", "insurance-general", "ACCEPTED", null, "2026-11-25T10:01:30Z");
        h.offersWithoutSegment("i2");
        h.offer("i3", "a2", "insurance-general", "TIMED_OUT", null, "2026-11-25T10:02:30Z");
        h.offer("i3", "a2", "insurance-general", "WITHDRAWN", null, "2026-11-25T10:02:40Z");
        h.offer("i3", "a1", "insurance-general", "ACCEPTED", null, "2026-11-25T10:03:00Z");
        h.offer("i4", "a1", "telecoms-general", "DECLINED", "wrong skills", "2026-11-25T10:10:05Z");
        h.offer("i4", "a2", "telecoms-general", "ACCEPTED", null, "2026-11-25T10:10:20Z");
        h.offer("w1", "a2", "insurance-general", "DECLINED", "at lunch", "2026-11-25T10:51:00Z");
        h.offer("i5", "a1", "insurance-general", "ACCEPTED", null, "2026-11-25T09:30:00Z");
        h.offer("w2", "a1", "telecoms-general", "OPEN", null, null);

        db = new Transactions(dataSource);
        // A decline with a reason code counts under the code, its free text aside; the others predate codes.
        db.inTransaction(c -> {
            try (var update = c.prepareStatement("UPDATE offers SET reason_code = 'busy' WHERE work_id = 'w1'")) {
                return update.executeUpdate();
            }
        });
        overall = blocks(HOUR, segments);
    }

    private Block blocks(KpiWindow window, Map<String, Block> bySegment) {
        return new KpiBlocks(db, clockAt(NOW)).blocks(window, bySegment);
    }

    private static AssignmentClock clockAt(Instant now) {
        return new AssignmentClock(Clock.fixed(now, ZoneOffset.UTC)) { };
    }

    @Test
    void longWindowsReadTheRolledUpHoursAndGiveTheSameFiguresAsTheRows() throws Exception {
        ZoneId london = ZoneId.of("Europe/London");
        List<KpiWindow> windows = List.of(
                KpiWindow.of(NOW.minus(Duration.ofDays(7)), NOW, london),
                KpiWindow.of(Instant.parse("2026-11-25T00:00:00Z"), NOW, london),
                KpiWindow.of(Instant.parse("2026-11-25T06:30:00Z"), Instant.parse("2026-11-25T10:40:05Z"), london),
                KpiWindow.of(Instant.parse("2026-11-25T09:15:00Z"), Instant.parse("2026-11-25T13:00:00Z"), london));
        List<Map<String, Block>> fromRows = new java.util.ArrayList<>();
        for (KpiWindow window : windows) {
            Map<String, Block> bySegment = new TreeMap<>();
            bySegment.put("", blocks(window, bySegment));
            fromRows.add(bySegment);
        }

        // An hour is rolled once it is over and settled: at 11:01 the 10:00 hour is not yet.
        HourlyRollup early = new HourlyRollup(db, clockAt(Instant.parse("2026-11-25T11:01:00Z")), () -> Duration.ZERO,
                new SimpleMeterRegistry());
        assertEquals(1, early.rollUp(), "09:00, the hour of the first accepted item; 10:00 has not settled at 11:01");
        HourlyRollup rollup = new HourlyRollup(db, clockAt(Instant.parse("2026-11-25T12:30:00Z")), () -> Duration.ZERO,
                new SimpleMeterRegistry());
        assertEquals(2, rollup.rollUp());
        assertEquals(0, rollup.rollUp(), "an hour is rolled once");
        assertEquals(Instant.parse("2026-11-25T12:00:00Z"), db.inTransaction(HourlyRollup::rolledTo));

        List<Map<String, Block>> fromHours = new java.util.ArrayList<>();
        for (KpiWindow window : windows) {
            Map<String, Block> bySegment = new TreeMap<>();
            bySegment.put("", blocks(window, bySegment));
            fromHours.add(bySegment);
        }
        assertEquals(fromRows, fromHours);
        // The week: the hour's five accepted items and i5 (09:30); its 8 answerable offers and i5's accept.
        Block week = fromHours.get(0).get("");
        assertEquals(6, week.timeToAssign().count());
        assertEquals(List.of(9L, 5L, 1L), List.of(week.acceptance().offers(), week.acceptance().accepted(),
                week.acceptance().withdrawn()));
    }

    @Test
    void timeToAssignIsReceivedToAcceptedOfTheItemsAcceptedInTheWindow() {
        // Overall 10, 20, 30, 60, 60 s: nearest rank p50 = 3rd, p90 = p99 = 5th.
        assertEquals(5, overall.timeToAssign().count());
        assertEquals(30_000L, (long) overall.timeToAssign().p50Ms());
        assertEquals(60_000L, (long) overall.timeToAssign().p90Ms());
        assertEquals(60_000L, (long) overall.timeToAssign().p99Ms());
        Kpis.TimeToAssign insurance = segments.get("insurance").timeToAssign();
        assertEquals(4, insurance.count());
        assertEquals(30_000L, (long) insurance.p50Ms());
        assertEquals(60_000L, (long) insurance.p90Ms());
        assertEquals(List.of(
                new Kpis.TimePoint(Instant.parse("2026-11-25T10:00:00Z"), 1, 10_000, 10_000),
                new Kpis.TimePoint(Instant.parse("2026-11-25T10:01:00Z"), 1, 30_000, 30_000),
                new Kpis.TimePoint(Instant.parse("2026-11-25T10:03:00Z"), 1, 60_000, 60_000),
                new Kpis.TimePoint(Instant.parse("2026-11-25T10:20:00Z"), 1, 60_000, 60_000)), insurance.trend());
        assertEquals(20_000L, (long) segments.get("telecoms").timeToAssign().p50Ms());
    }

    @Test
    void unassignedAreTheItemsNotYetAcceptedNow() {
        assertEquals(new Kpis.Unassigned(2, 600L), overall.unassigned());
        assertEquals(new Kpis.Unassigned(1, 600L), segments.get("insurance").unassigned());
        assertEquals(new Kpis.Unassigned(1, 300L), segments.get("telecoms").unassigned());
        assertEquals(new Kpis.Unassigned(0, null), segments.get("pets").unassigned());
    }

    @Test
    void acceptanceCountsWhatAnAgentCouldAnswerAndLeavesWithdrawnOffersOut() {
        Kpis.Acceptance all = overall.acceptance();
        // 4 accepted, 3 declined, 1 timed out = 8 answerable; 1 withdrawn; the open and the earlier offer are out.
        assertEquals(List.of(8L, 4L, 3L, 1L, 1L),
                List.of(all.offers(), all.accepted(), all.declined(), all.timedOut(), all.withdrawn()));
        assertEquals(0.5, all.rate());
        assertEquals(Map.of("busy", 2L, "wrong skills", 1L), all.declineReasons());
        assertEquals(List.of(
                new Kpis.Rate("insurance-general", null, 6, 3, 2, 1, 0.5),
                new Kpis.Rate("telecoms-general", null, 2, 1, 1, 0, 0.5)), all.byQueue());
        assertEquals(List.of(
                new Kpis.Rate(null, "a1", 4, 3, 1, 0, 0.75),
                new Kpis.Rate(null, "a2", 4, 1, 2, 1, 0.25)), all.byAgent());
        Kpis.Acceptance insurance = segments.get("insurance").acceptance();
        assertEquals(List.of(6L, 3L, 1L), List.of(insurance.offers(), insurance.accepted(), insurance.withdrawn()));
        assertEquals(0.5, insurance.rate());
        assertNull(segments.get("pets").acceptance().rate());
    }

    @Test
    void fallbackVolumeIsCountedByCauseFromThePerMinuteTotals() {
        Kpis.Fallback all = overall.fallback();
        assertEquals(11, all.leads());
        assertEquals(6, all.fallback());
        assertEquals(6.0 / 11, all.share());
        assertEquals(List.of(Map.entry("UNKNOWN_SEGMENT", 1L), Map.entry("SEGMENT_FAILED", 1L),
                Map.entry("RULE_FAILED", 1L), Map.entry("ENRICHMENT_DEGRADED", 1L), Map.entry("INCOMPLETE_DATA", 1L),
                Map.entry("NO_RULE_MATCHED", 1L)), List.copyOf(all.byCause().entrySet()));
        assertEquals(4, segments.get("insurance").fallback().fallback());
        assertEquals(8, segments.get("insurance").fallback().leads());
        assertEquals(0.5, segments.get("telecoms").fallback().share());
        // One point a minute, empty ones too.
        assertEquals(60, all.trend().size());
        assertEquals(new Kpis.FallbackPoint(Instant.parse("2026-11-25T10:05:00Z"), 6, 2), all.trend().get(5));
        assertEquals(new Kpis.FallbackPoint(Instant.parse("2026-11-25T10:10:00Z"), 3, 2), all.trend().get(10));
        assertEquals(new Kpis.FallbackPoint(Instant.parse("2026-11-25T10:40:00Z"), 2, 2), all.trend().get(40));
        assertEquals(11, all.trend().stream().mapToLong(Kpis.FallbackPoint::leads).sum());
    }

    @Test
    void aLongerWindowHasLongerBuckets() {
        KpiWindow week = KpiWindow.of(Instant.parse("2026-11-18T11:00:00Z"), NOW, ZoneId.of("Europe/London"));
        assertEquals(Duration.ofDays(1), week.bucket());
        // 18 Nov (from 11:00) to 25 Nov: eight local days.
        assertEquals(8, week.buckets().size());
        assertEquals(Instant.parse("2026-11-18T00:00:00Z"), week.buckets().get(0));
        KpiWindow day = KpiWindow.of(Instant.parse("2026-11-25T00:00:00Z"), NOW, ZoneId.of("Europe/London"));
        assertEquals(Duration.ofHours(1), day.bucket());
        assertEquals(11, day.buckets().size());
    }
}
