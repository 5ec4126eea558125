package org.leadrouter.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadrouter.lead.Contact;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.routing.RouteDecision;

/** Leads and decisions with every field set, as the parser and the pipeline make them. */
final class Leads {

    private Leads() {
    }

    static LeadInput lead(String id, String segment) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("campaign", "spring-26");
        attributes.put("visits", 3L);
        attributes.put("margin", new BigDecimal("0.125"));
        attributes.put("consent", true);
        return new LeadInput(id, segment, "web", Instant.parse("2026-11-25T09:30:00.123456789Z"), "home",
                "SW1A 1AA", "gold", true, "annual", LocalDate.parse("2027-01-31"), new BigDecimal("1250.50"),
                new Contact("Ann Lee", "ann@example.org", "+44 20 7946 0000"), attributes);
    }

    static RecordedPair routed(String id, String segment) {
        LeadInput lead = lead(id, segment);
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put("pensions", 3);
        skills.put("welsh", 1);
        RouteDecision decision = new RouteDecision(id, segment, segment + "-priority", 2, 40, skills, false,
                FallbackCause.ENRICHMENT_DEGRADED, "high value home lead", List.of("High value", "Catch-all"), segment + "@0123456789ab", "LONDON",
                List.of("enrich"), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return new RecordedPair(lead, decision);
    }

    static LeadRecord record(String id, String segment) {
        RecordedPair pair = routed(id, segment);
        return new LeadRecord(pair.lead(), pair.decision(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    record RecordedPair(LeadInput lead, RouteDecision decision) {
    }
}
