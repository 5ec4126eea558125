package org.leadrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leadrouter.facts.Lead;
import org.leadrouter.lead.Contact;
import org.leadrouter.lead.LeadInput;

class LeadFactsTest {

    private final LeadFacts facts = new LeadFacts(new RegionDirectory(Optional.empty()));

    private static LeadInput input(String product, String tier, String postcode) {
        return new LeadInput("l-1", "insurance", "Web", Instant.parse("2026-11-25T09:00:00Z"), product, postcode, tier,
                null, "SIM-Only", null, null, new Contact("Ann", null, "07700 900123"), Map.of());
    }

    @Test
    void normalisesPostcodeAndCodesAndEnrichesTheRegion() {
        LeadFacts.Prepared prepared = facts.prepare(input("Motor", "GOLD", "eh1 2ng"));
        Lead lead = prepared.lead();
        assertEquals("motor", lead.getProduct());
        assertEquals("gold", lead.getCustomerTier());
        assertEquals("sim-only", lead.getContractType());
        assertEquals("web", lead.getSource());
        assertEquals("EH1 2NG", lead.getPostcode());
        assertEquals("EH", lead.getPostcodeArea());
        assertEquals("SCOTLAND", lead.getRegion());
        assertEquals("07700 900123", lead.getPhone());
        assertTrue(prepared.degraded().isEmpty());
    }

    @Test
    void aFailedLookupDegradesTheEnrichStepOnly() {
        LeadFacts broken = new LeadFacts(new RegionDirectory(Optional.of(java.nio.file.Path.of("no-such-file.csv"))));
        LeadFacts.Prepared prepared = broken.prepare(input("motor", null, "SW1A 1AA"));
        assertEquals(RegionDirectory.UNKNOWN, prepared.lead().getRegion());
        assertEquals("SW1A 1AA", prepared.lead().getPostcode());
        assertEquals(java.util.List.of(LeadFacts.STEP_ENRICH), prepared.degraded());
    }
}
