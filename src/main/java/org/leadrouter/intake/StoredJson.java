package org.leadrouter.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

/**
 * The JSON kept in the database. Numbers come back as the types the parser made (Long, BigDecimal
 * with its scale), so a lead read back equals the lead that was routed and can be routed again.
 */
final class StoredJson {

    private static final TypeReference<Map<String, Integer>> SKILLS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<List<LeadRecord>> BATCH = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Not USE_LONG_FOR_INTS: an integer beyond a long, recorded before leads were checked
            // for that, would make the record unreadable. Integers come back as Long where they fit.
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            // Records written by an older version may carry fields this one no longer has.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    LeadInput lead(String json) {
        return asRouted(read(json, mapper.getTypeFactory().constructType(LeadInput.class)));
    }

    /**
     * A batch of records as the intake journal keeps it: what the mapper writes for the list,
     * except that a lead found in {@code leadJson} is copied from there (the JSON its row was
     * just stored with) rather than serialised again.
     */
    byte[] batch(List<LeadRecord> records, Map<LeadRecord, String> leadJson) {
        List<JournalRecord> entry = new ArrayList<>(records.size());
        for (LeadRecord record : records) {
            String lead = leadJson.get(record);
            entry.add(new JournalRecord(lead != null ? lead : write(record.lead()), record.decision(), record.recordedAt()));
        }
        try {
            return mapper.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a batch of leads as JSON", e);
        }
    }

    /** A {@link LeadRecord} as the journal writes it, its lead already JSON; read back as a LeadRecord. */
    private record JournalRecord(@JsonRawValue String lead, RouteDecision decision, Instant recordedAt) {
    }

    List<LeadRecord> batch(byte[] json) {
        try {
            List<LeadRecord> records = mapper.readValue(json, BATCH);
            return records.stream().map(r -> new LeadRecord(asRouted(r.lead()), r.decision(), r.recordedAt())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("a journal entry is not readable as a batch of leads", e);
        }
    }

    private static LeadInput asRouted(LeadInput lead) {
        if (lead.attributes() == null) {
            return lead;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        lead.attributes().forEach((name, value) -> attributes.put(name,
                value instanceof BigInteger integer && integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : value));
        return new LeadInput(lead.id(), lead.segment(), lead.source(), lead.receivedAt(), lead.product(), lead.postcode(),
                lead.customerTier(), lead.existingCustomer(), lead.contractType(), lead.contractEndDate(),
                lead.estimatedValue(), lead.contact(), attributes);
    }

    Map<String, Integer> skills(String json) {
        // Keeps the order the rules required them in, as the first answer showed it.
        return java.util.Collections.unmodifiableMap(read(json, mapper.getTypeFactory().constructType(SKILLS)));
    }

    List<String> names(String json) {
        return List.copyOf(read(json, mapper.getTypeFactory().constructType(NAMES)));
    }

    private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record is not readable as " + type, e);
        }
    }
}
