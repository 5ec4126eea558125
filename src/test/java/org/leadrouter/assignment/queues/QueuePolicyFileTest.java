package org.leadrouter.assignment.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;

/** The policy fields of the queue file: read as written, and a bad file stops the service naming every bad field. */
class QueuePolicyFileTest {

    private static DataSource h2;

    @BeforeAll
    static void database() {
        h2 = TestAssignment.h2();
    }

    @Test
    void policiesAreReadAndQueuesNotListedAreLeastLoaded() {
        TestAssignment t = new TestAssignment(h2, """
                {"queues": {"w": {"policy": "weighted", "weights": {"ann": 3}, "capPerHour": 5, "stickyDays": 30,
                                  "relaxSkills": [{"afterSeconds": 60, "levels": 1}],
                                  "overflowTo": "x", "overflowAfterSeconds": 300, "overflowDepth": 20}}}""");
        PolicySettings w = t.queues.settings("w").policy();
        assertEquals(DistributionPolicy.WEIGHTED, w.policy());
        assertEquals(3, w.weight("ann"));
        assertEquals(1, w.weight("bob"));
        assertEquals(List.of(new RelaxStep(60, 1)), w.relaxSkills());
        assertEquals(PolicySettings.DEFAULT, t.queues.settings("unlisted").policy());
    }

    @Test
    void queuesShowTheirPolicyFieldsAsTheFileHasThem() throws Exception {
        TestAssignment t = new TestAssignment(h2, """
                {"queues": {"rr": {"policy": "round-robin", "capPerDay": 40, "stickyDays": 7}}}""");
        JsonNode shown = new ObjectMapper().valueToTree(t.queues.settings("rr"));
        assertEquals("round-robin", shown.get("policy").asText());
        assertEquals(40, shown.get("capPerDay").asInt());
        assertEquals(7, shown.get("stickyDays").asInt());
        assertFalse(shown.has("capPerHour"), "fields not set are left out: " + shown);
        assertEquals("least-loaded", new ObjectMapper().valueToTree(t.queues.settings("unlisted")).get("policy").asText());
    }

    @Test
    void everyBadFieldIsNamed() {
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> new TestAssignment(h2, """
                {"queues": {
                  "a": {"policy": "random", "capPerHour": 0, "stickyDays": -1},
                  "b": {"weights": {"ann": 2}, "capPerHour": 10, "capPerDay": 5},
                  "c": {"policy": "weighted", "weights": {"ann": 0}, "overflowDepth": 3},
                  "d": {"slaMinutes": 2, "relaxSkills": [{"afterSeconds": 60, "levels": 2}, {"afterSeconds": 30, "levels": 1},
                                                         {"afterSeconds": 120, "levels": 3}]},
                  "e": {"overflowTo": "f", "overflowAfterSeconds": 60},
                  "f": {"overflowTo": "e"}
                }}"""));
        for (String problem : List.of(
                "queues.a.policy must be least-loaded, round-robin or weighted, not 'random'",
                "queues.a.capPerHour must be positive",
                "queues.a.stickyDays must be positive",
                "queues.b.weights apply only to the weighted policy",
                "queues.b.capPerHour cannot be above capPerDay",
                "queues.c.weights.ann must be 1-100",
                "queues.c.overflowAfterSeconds and overflowDepth need an overflowTo queue",
                "queues.d.relaxSkills[1] must come later and lower more levels than the step before",
                "queues.d.relaxSkills[2].afterSeconds must be below the SLA (120 s), which escalates first",
                "queues.e.overflowTo loops back (e -> f -> e)")) {
            assertContains(bad.getMessage(), problem);
        }
    }

    private static void assertContains(String text, String part) {
        if (!text.contains(part)) {
            throw new AssertionError("'" + part + "' not in: " + text);
        }
    }
}
