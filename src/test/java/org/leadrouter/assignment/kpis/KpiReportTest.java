package org.leadrouter.assignment.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.kpis.KpiBlocks;
import org.leadrouter.kpis.KpiWindow;
import org.leadrouter.kpis.Kpis;

/** GET /assignment/kpis counts offers as GET /kpis does: withdrawn ones against nobody, declines by reason code. */
class KpiReportTest {

    @Test
    void aWithdrawnOfferCountsAgainstNobodyAndBothReportsAgree() {
        TestAssignment t = new TestAssignment(TestAssignment.h2(), "{\"queues\": {}}");
        for (String agent : List.of("ann", "bob")) {
            t.directory.save(agent, new AgentProfile(null, agent, null, List.of("sales"), Map.of(), 1, null,
                    List.of("MON-SUN 00:00-24:00"), "ONLINE"));
        }
        Instant start = t.clock.now();
        t.assigner.enqueue(List.of(new NewWork("k-1", "insurance", "sales", Map.of(), 3, 10, "Rule", false, start, start)));
        t.assigner.offer("k-1");
        t.directory.setPresence("ann", "OFFLINE");
        t.assigner.decline(t.directory.openOffers("bob").get(0).id(), "busy", "at lunch");
        t.directory.setPresence("ann", "ONLINE");
        t.assigner.accept(t.directory.openOffers("ann").get(0).id());
        Instant end = t.clock.now().plus(Duration.ofSeconds(1));

        AssignmentKpis report = new KpiReport(t.db).report(start, end);

        assertEquals(List.of(new AcceptanceRate("ann", 1, 1, 0, 0, 1, 1.0), new AcceptanceRate("bob", 1, 0, 1, 0, 0, 0.0)),
                report.byAgent(), "ann's withdrawn offer is not a refusal");
        assertEquals(Map.of("busy", 1L), report.declineReasons());
        Map<String, Kpis.Block> segments = new TreeMap<>();
        Kpis.Acceptance console = new KpiBlocks(t.db, t.clock)
                .blocks(KpiWindow.of(start, end, ZoneId.of("Europe/London")), segments).acceptance();
        assertEquals(console.byAgent().stream().map(r -> List.of(r.agent(), r.offers(), r.accepted(), r.rate())).toList(),
                report.byAgent().stream().map(r -> List.of(r.key(), r.offers(), r.accepted(), r.rate())).toList());
        assertEquals(console.declineReasons(), report.declineReasons());
    }
}
