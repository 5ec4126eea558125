package org.leadrouter.assignment.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.work.MatchKeys;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.lead.Contact;

/** Sticky routing: a returning customer goes first to the agent who took them lately, if that agent can take it. */
class StickyRoutingTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"sales": {"stickyDays": 30}, "plain": {}}}""");
        t.agent("ann", List.of("sales", "plain"), Map.of(), 5, "ONLINE");
        t.agent("bob", List.of("sales", "plain"), Map.of(), 5, "ONLINE");
        t.agent("cat", List.of("plain"), Map.of(), 5, "OFFLINE");
        // ann takes Priya's first lead, and holds it: least-loaded would now choose bob.
        take(offer("sales", keys("Priya@Example.com", "07700 900123", "Acme Ltd")), "ann");
    }

    @Test
    void theSameCustomerByEmailPhoneOrCompanyGoesBackToTheirAgent() {
        take(offer("sales", keys("  priya@example.COM ", null, null)), "ann");
        take(offer("sales", keys(null, "+44 7700 900123", null)), "ann");
        take(offer("sales", keys(null, null, "ACME limited")), "ann");
        assertEquals("bob", offer("sales", keys("someone@else.com", "07700 900999", "Other plc")).agentId(),
                "a new customer: the normal policy");
    }

    @Test
    void anUnavailableOrUnqualifiedStickyAgentIsPassedOverForTheNormalPolicy() {
        t.directory.setPresence("ann", "AWAY");
        assertEquals("bob", offer("sales", keys("priya@example.com", null, null)).agentId());

        t.directory.setPresence("ann", "ONLINE");
        t.agent("cat", List.of("plain"), Map.of(), 5, "ONLINE");
        t.agent("ann", List.of("sales"), Map.of(), 5, "ONLINE");
        assertEquals("cat", offer("plain", keys("priya@example.com", null, null)).agentId(),
                "ann does not serve plain any more; plain is not sticky anyway");
    }

    @Test
    void aQueueWithoutStickyDaysIgnoresThePast() {
        assertEquals("bob", offer("plain", keys("priya@example.com", null, null)).agentId());
    }

    @Test
    void anAssignmentOlderThanStickyDaysNoLongerCounts() {
        t.clock.advance(Duration.ofDays(29));
        take(offer("sales", keys(null, null, "Acme")), "ann");
        t.clock.advance(Duration.ofDays(2));
        take(offer("sales", keys("priya@example.com", null, null)), "bob");
        take(offer("sales", keys(null, null, "acme ltd.")), "ann");
    }

    @Test
    void aLeadsKeysAreLookedUpOnlyOnceItIsAcceptedAndWrittenOnce() {
        Set<String> priya = keys("priya@example.com", "07700 900123", null);
        String waiting = t.enqueue("plain", Map.of(), priya);
        assertEquals(0, t.rowsOf("work_match_keys", waiting), "intake keeps the keys in the item's row");

        Offer offer = t.assigner.offer(waiting).orElseThrow();
        t.assigner.accept(offer.id());
        assertEquals(2, t.rowsOf("work_match_keys", waiting));
        t.supervision.reassign(waiting, offer.agentId().equals("ann") ? "bob" : "ann", "supervisor");
        assertEquals(2, t.rowsOf("work_match_keys", waiting), "a later acceptance (a reassignment) writes no second copy");
    }


    private Offer offer(String queue, Set<String> keys) {
        return t.assigner.offer(t.enqueue(queue, Map.of(), keys)).orElseThrow();
    }

    private void take(Offer offer, String expectedAgent) {
        assertEquals(expectedAgent, offer.agentId());
        t.assigner.accept(offer.id());
    }

    private static Set<String> keys(String email, String phone, String company) {
        return MatchKeys.of(new Contact("Priya Shah", email, phone), company == null ? Map.of() : Map.of("company", company));
    }
}
