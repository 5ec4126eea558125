package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.agents.AgentProfile;

/** Agents announce their changes; the offers that follow are made here. */
class AgentChangesTest {

    private final TestAssignment t = new TestAssignment(TestAssignment.h2(), """
            {"queues": {"sales": {}}}""");

    @Test
    void aProfileSavedWithoutPresenceStillGetsWorkForTheRoomItMakes() {
        t.agent("ann", List.of("sales"), Map.of(), 1, "ONLINE");
        t.enqueue("sales", Map.of(), Set.of());
        t.enqueue("sales", Map.of(), Set.of());

        t.directory.save("ann", profile(1));
        assertEquals(1, t.directory.openOffers("ann").size());

        t.directory.save("ann", profile(2));
        assertEquals(2, t.directory.openOffers("ann").size(), "the raised capacity is filled at once");
    }

    @Test
    void goingOfflineGivesOpenOffersBack() {
        t.agent("ann", List.of("sales"), Map.of(), 2, "ONLINE");
        t.enqueue("sales", Map.of(), Set.of());
        t.directory.save("ann", profile(2));
        assertEquals(1, t.directory.openOffers("ann").size());

        t.directory.setPresence("ann", "OFFLINE");
        assertEquals(0, t.directory.openOffers("ann").size());
    }

    /** Presence left out: unchanged. */
    private static AgentProfile profile(int capacity) {
        return new AgentProfile(null, "ann", null, List.of("sales"), Map.of(), capacity, null, TestAssignment.ALWAYS, null);
    }
}
