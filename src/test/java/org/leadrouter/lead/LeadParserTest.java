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
    private List<String> badFields(String body) {
        return assertThrows(InvalidRequestException.class, () -> parser.parse(body))
                .problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void rejectsASegmentThatOverflowsOnceLowerCased() {
        // "İ" lower-cases to two characters: 64 of them become 128, more than the record holds.
        assertEquals(List.of("segment"), badFields("{\"segment\": \"" + "\u0130".repeat(64) + "\"}"));
        assertEquals("i".repeat(64), parser.parse("{\"segment\": \"" + "I".repeat(64) + "\"}").segment());
    }

    @Test
    void rejectsNulCharactersAnywhere() {
        assertEquals(List.of("segment"), badFields("{\"segment\": \"insurance\\u0000x\"}"));
        assertEquals(List.of("contact.name", "attributes.a", "attributes.b\u0000"), badFields("""
                {"segment": "insurance", "contact": {"name": "A\\u0000B"}, "attributes": {"a": "\\u0000", "b\\u0000": 1}}
                """));
    }

    @Test
    void rejectsLoneSurrogatesAnywhere() {
        assertEquals(List.of("id"), badFields("{\"id\": \"CRM-9\\ud800\", \"segment\": \"insurance\"}"));
        assertEquals(List.of("source", "attributes.k", "attributes.\udc00"), badFields("""
                {"segment": "insurance", "source": "web\\udc00", "attributes": {"k": "\\ud800x", "\\udc00": true}}
                """));
        // A pair is a character like any other.
        assertEquals("web \uD83D\uDE00", parser.parse("{\"segment\": \"insurance\", \"source\": \"web \\ud83d\\ude00\"}").source());
    }

    @Test
    void rejectsTimesAndDatesOutsideTheStorableRange() {
        assertEquals(List.of("receivedAt", "contractEndDate"), badFields("""
                {"segment": "insurance", "receivedAt": "+300000-01-01T00:00:00Z", "contractEndDate": "+300000-01-01"}
                """));
        assertEquals(List.of("receivedAt"), badFields("{\"segment\": \"insurance\", \"receivedAt\": \"1899-12-31T23:59:59Z\"}"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"),
                parser.parse("{\"segment\": \"insurance\", \"receivedAt\": \"9999-12-31T23:59:59Z\"}").receivedAt());
    }

    @Test
    void rejectsNumbersThatWouldNotReadBackExactly() {
        assertEquals(List.of("attributes.n", "attributes.big", "attributes.tiny", "attributes.long"), badFields("""
                {"segment": "telecoms", "attributes": {"n": -9223372036854775809, "big": 1e999999999, "tiny": 1e-400,
                 "long": 1.000000000000000000000000000000000000001}}
                """));
        assertEquals(List.of("estimatedValue"), badFields("{\"segment\": \"telecoms\", \"estimatedValue\": 1e999999999}"));
        assertEquals(Map.of("min", Long.MIN_VALUE, "max", Long.MAX_VALUE, "d", new BigDecimal("1.5E+300")), parser.parse("""
                {"segment": "telecoms", "attributes": {"min": -9223372036854775808, "max": 9223372036854775807, "d": 1.5e300}}
                """).attributes());
    }

    @Test
    void idsAreUrlSafeNames() {
        for (String id : List.of(".", "..", "a/b", "a;b", "a?b", "a#b", "a%20b", "a b", "-a", "\\u00e9t\\u00e9")) {
            assertEquals(List.of("id"), badFields("{\"id\": \"" + id + "\", \"segment\": \"insurance\"}"), id);
        }
        for (String id : List.of("CRM-1042", "crm.42", "sf:00Q5g000007XyZ", "ann@example.com", "a_b", "12345")) {
            assertEquals(id, parser.parse("{\"id\": \"" + id + "\", \"segment\": \"insurance\"}").id());
        }
    }

    @Test
    void rejectsAKeyGivenTwiceNamingIt() {
        assertEquals(List.of("segment"), badFields("{\"segment\": \"insurance\", \"segment\": \"telecoms\"}"));
        assertEquals(List.of("contact.email"), badFields("""
                {"segment": "insurance", "contact": {"email": "a@example.com", "email": "b@example.com"}}
                """));
    }
}
