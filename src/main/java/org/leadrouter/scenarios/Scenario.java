package org.leadrouter.scenarios;

import java.util.Map;
import org.leadrouter.lead.LeadInput;

/**
 * One analyst's example: a lead, as the service would receive it, and what the rules should
 * decide for it. {@code row} is the row number the analyst sees in the file.
 */
public record Scenario(String file, int row, String name, String description, LeadInput lead, Expected expected) {

    /**
     * What the decision must be. Only the queue is required; a null priority, fallback or skills
     * is not checked. An empty skills map means "no skills required".
     */
    public record Expected(String queue, Integer priority, Boolean fallback, Map<String, Integer> skills) {
    }

    /** "row 7 'Life lead in Leeds'": how reports name the scenario. */
    public String label() {
        return "row " + row + " '" + name + "'";
    }
}
