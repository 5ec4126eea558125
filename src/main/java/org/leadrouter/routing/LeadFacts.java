package org.leadrouter.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.leadrouter.facts.Lead;
import org.leadrouter.lead.Contact;
import org.leadrouter.lead.LeadInput;

/**
 * The normalise and enrich steps: turns a caller's lead into the fact the rules see. Shared by
 * the service and by everything that runs rules outside it (scenarios, the check command), so
 * a scenario sees exactly the lead the service would.
 */
@ApplicationScoped
public class LeadFacts {

    public static final String STEP_NORMALISE = "normalise";
    public static final String STEP_ENRICH = "enrich";

    /** The fact, plus the steps that degraded while making it. */
    public record Prepared(Lead lead, List<String> degraded) {
    }

    private final RegionDirectory regions;

    public LeadFacts(RegionDirectory regions) {
        this.regions = regions;
    }

    public Prepared prepare(LeadInput input) {
        List<String> degraded = new ArrayList<>(2);
        Postcode postcode = normalise(input.postcode(), degraded);
        String region = enrich(postcode.area(), degraded);
        Contact contact = input.contact() == null ? new Contact(null, null, null) : input.contact();
        Lead lead = new Lead(input.id(), input.segment(), code(input.source()), input.receivedAt(), code(input.product()),
                postcode.text(), postcode.area(), region, code(input.customerTier()), input.existingCustomer(),
                code(input.contractType()), input.contractEndDate(), input.estimatedValue(), contact.name(),
                contact.email(), contact.phone(), input.attributes());
        return new Prepared(lead, degraded);
    }

    /**
     * Codes that callers spell as they like ("Motor", "GOLD", "SIM-Only") reach the rules
     * lower-cased, so an analyst compares with one spelling: product == "motor".
     */
    private static String code(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    private static Postcode normalise(String raw, List<String> degraded) {
        try {
            return Postcode.normalise(raw);
        } catch (RuntimeException e) {
            degraded.add(STEP_NORMALISE);
            return new Postcode(raw, null);
        }
    }

    private String enrich(String area, List<String> degraded) {
        try {
            return regions.regionOf(area);
        } catch (RuntimeException e) {
            degraded.add(STEP_ENRICH);
            return RegionDirectory.UNKNOWN;
        }
    }
}
