package org.leadrouter.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;

class LeadParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final LeadParser parser = new LeadParser(new ObjectMapper(), () -> NOW);

    @Test
    void readsEveryField() {
        LeadInput lead = parser.parse("""
                {"id": "crm-42", "segment": "Insurance", "source": "web", "receivedAt": "2026-11-25T09:30:00+01:00",
                 "product": "motor", "postcode": "sw1a1aa", "customerTier": "gold", "existingCustomer": true,
                 "contractType": "24m", "contractEndDate": "2027-01-31", "estimatedValue": 1250.50,
                 "contact": {"name": "Ann Smith", "email": "ann@example.com", "phone": "+44 7700 900123"},
                 "attributes": {"channel": "web", "pages": 4, "fibreAvailable": true}}
                """);
        assertEquals("crm-42", lead.id());
        assertEquals("insurance", lead.segment(), "segment names are case-insensitive folder names");
        assertEquals(Instant.parse("2026-11-25T08:30:00Z"), lead.receivedAt());
        assertEquals(LocalDate.of(2027, 1, 31), lead.contractEndDate());
        assertEquals(0, new BigDecimal("1250.50").compareTo(lead.estimatedValue()), "no binary rounding of money");
        assertEquals(new Contact("Ann Smith", "ann@example.com", "+44 7700 900123"), lead.contact());
        assertEquals(Map.of("channel", "web", "pages", 4L, "fibreAvailable", true), lead.attributes());
    }

    @Test
    void generatesAnIdAndTheReceivedTimeWhenAbsent() {
        LeadInput lead = parser.parse("{\"segment\": \"telecoms\"}");
        assertNotNull(lead.id());
        assertEquals(NOW, lead.receivedAt());
    }

    @Test
    void acceptsANumericCrmId() {
        assertEquals("12345", parser.parse("{\"id\": 12345, \"segment\": \"telecoms\"}").id());
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parser.parse("""
                {"product": 7, "existingCustomer": "yes", "estimatedValue": "lots", "receivedAt": "yesterday",
                 "contractEndDate": "31/01/2027", "contact": {"email": 5}, "attributes": {"nested": {"a": 1}}}
                """));
        List<String> fields = e.problems().stream().map(FieldProblem::field).toList();
        assertEquals(List.of("segment", "receivedAt", "product", "existingCustomer", "contractEndDate",
                "estimatedValue", "contact.email", "attributes.nested"), fields);
    }

    @Test
    void rejectsMalformedJsonAndNonObjects() {
        assertEquals("body", assertThrows(InvalidRequestException.class, () -> parser.parse("{\"segment\": "))
                .problems().get(0).field());
        assertEquals("body", assertThrows(InvalidRequestException.class, () -> parser.parse("[1, 2]"))
                .problems().get(0).field());
        assertEquals("body", assertThrows(InvalidRequestException.class, () -> parser.parse(""))
                .problems().get(0).field());
    }

    @Test
    void rejectsANegativeValueAndAnOverlongId() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parser.parse(
                "{\"segment\": \"insurance\", \"estimatedValue\": -1, \"id\": \"" + "x".repeat(129) + "\"}"));
        assertEquals(List.of("id", "estimatedValue"), e.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void rejectsABodyOver64KiB() {
        String body = "{\"segment\": \"insurance\", \"source\": \"" + "x".repeat(LeadParser.MAX_BODY_BYTES) + "\"}";
        assertThrows(LeadTooLargeException.class, () -> parser.parse(body));
    }
}
