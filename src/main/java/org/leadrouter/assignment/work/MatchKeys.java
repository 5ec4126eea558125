package org.leadrouter.assignment.work;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leadrouter.lead.Contact;

/**
 * The keys sticky routing matches leads on: the contact's email and phone and the company
 * (attribute {@code company}), each normalised so that the same customer typed differently
 * still matches ({@code Priya@Example.com } and {@code priya@example.com}, {@code 07700 900123}
 * and {@code +44 7700 900123}, {@code Acme Ltd} and {@code ACME Limited}).
 */
public final class MatchKeys {

    /** Longer keys are not kept: no real email, phone or company name is this long. */
    static final int MAX_LENGTH = 500;
    private static final int MIN_PHONE_DIGITS = 7;
    private static final List<String> COMPANY_SUFFIXES = List.of("ltd", "limited", "plc", "llp", "inc", "llc");

    private MatchKeys() {
    }

    public static Set<String> of(Contact contact, Map<String, Object> attributes) {
        Set<String> keys = new LinkedHashSet<>();
        if (contact != null) {
            add(keys, "email:", email(contact.email()));
            add(keys, "phone:", phone(contact.phone()));
        }
        Object company = attributes == null ? null : attributes.get("company");
        add(keys, "company:", company == null ? null : company(company.toString()));
        return keys;
    }

    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        return email.indexOf('@') > 0 ? email : null;
    }

    /**
     * Digits in international form, UK numbers assumed: 07700 900123, +44 7700 900123,
     * +44 (0)7700 900123 and 0044 7700 900123 are one.
     */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0") && !raw.trim().startsWith("+")) {
            digits = "44" + digits.substring(1);
        }
        if (digits.startsWith("440")) {
            digits = "44" + digits.substring(3); // the trunk 0 written after +44
        }
        return digits.length() >= MIN_PHONE_DIGITS ? digits : null;
    }

    /** Lower case words without punctuation or a trailing legal form: "Acme Ltd." and "ACME limited" are one. */
    static String company(String raw) {
        String words = raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        for (String suffix : COMPANY_SUFFIXES) {
            if (words.endsWith(" " + suffix)) {
                words = words.substring(0, words.length() - suffix.length() - 1);
                break;
            }
        }
        return words.isEmpty() ? null : words;
    }

    private static void add(Set<String> keys, String kind, String value) {
        if (value != null && kind.length() + value.length() <= MAX_LENGTH) {
            keys.add(kind + value);
        }
    }
}
