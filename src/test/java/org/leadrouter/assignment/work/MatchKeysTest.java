package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.lead.Contact;

class MatchKeysTest {

    @Test
    void emailsCompareTrimmedAndInLowerCase() {
        assertEquals("priya@example.com", MatchKeys.email("  Priya@Example.COM "));
        assertNull(MatchKeys.email("not an email"));
    }

    @Test
    void ukPhoneNumbersCompareInInternationalForm() {
        for (String phone : new String[] {"07700 900123", "+44 7700 900123", "0044 7700 900 123", "+44 (0)7700-900123"}) {
            assertEquals("447700900123", MatchKeys.phone(phone), phone);
        }
        assertEquals("33142685300", MatchKeys.phone("+33 1 42 68 53 00"));
        assertNull(MatchKeys.phone("12"));
    }

    @Test
    void companiesCompareWithoutCasePunctuationOrLegalForm() {
        assertEquals("acme", MatchKeys.company("Acme Ltd."));
        assertEquals("acme", MatchKeys.company("ACME limited"));
        assertEquals("smith sons", MatchKeys.company("Smith & Sons PLC"));
        assertNull(MatchKeys.company(" .. "));
    }

    @Test
    void aLeadHasAKeyForEachOfEmailPhoneAndCompanyGiven() {
        assertEquals(Set.of("email:priya@example.com", "phone:447700900123", "company:acme"),
                MatchKeys.of(new Contact("Priya", "priya@example.com", "07700 900123"), Map.of("company", "Acme Ltd")));
        assertEquals(Set.of(), MatchKeys.of(null, null));
    }
}
