package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.lead.Contact;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

class NewWorkTest {

    @Test
    void aRecordedLeadBringsItsRouteAndTheKeysStickyRoutingMatchesOn() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        LeadInput lead = new LeadInput("CRM-1", "insurance", "web", now, "life", "LS1 4AP", null, null, null, null, null,
                new Contact("Priya Shah", "Priya@Example.com", "07700 900123"), Map.of("company", "Acme Ltd"));
        RouteDecision decision = new RouteDecision("CRM-1", "insurance", "insurance-life-fca", 4, 35, Map.of("fca-adviser", 5),
                false, null, "regulated", List.of("Score: web", "Life needs FCA"), "v1", "YORKSHIRE", List.of(), now);

        NewWork work = NewWork.of(new LeadRecord(lead, decision, now));

        assertEquals("insurance-life-fca", work.queue());
        assertEquals("Life needs FCA", work.routingRule());
        assertEquals(Set.of("email:priya@example.com", "phone:447700900123", "company:acme"), work.matchKeys());
    }
}
