package org.leadrouter.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A lead as a caller sent it, after type checks and before normalisation. {@code id} and
 * {@code receivedAt} are always set: the caller's or generated at intake.
 */
public record LeadInput(
        String id,
        String segment,
        String source,
        Instant receivedAt,
        String product,
        String postcode,
        String customerTier,
        Boolean existingCustomer,
        String contractType,
        LocalDate contractEndDate,
        BigDecimal estimatedValue,
        Contact contact,
        Map<String, Object> attributes) {
}
