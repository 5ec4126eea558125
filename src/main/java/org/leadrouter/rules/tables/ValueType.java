package org.leadrouter.rules.tables;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.leadrouter.facts.Lead;

/** The kind of value a condition column tests, from the lead property its code names. */
enum ValueType {
    NUMBER("a number is expected here, e.g. 40000"),
    DATE("a date is expected here, e.g. 2026-03-31"),
    BOOLEAN("true or false is expected here"),
    TEXT(null),
    UNKNOWN(null);

    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\(\"[^\"]*\"\\)");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_]\\w*");

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** What to tell the analyst when a cell does not hold this type. */
    String expected() {
        return expected;
    }

    /** Whether the text is a value of this type; text and unknown columns take anything. */
    boolean accepts(String value) {
        return switch (this) {
            case NUMBER -> NUMBER_TEXT.matcher(value).matches();
            case DATE -> DATE_TEXT.matcher(value).matches() && parsesAsDate(value);
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case TEXT, UNKNOWN -> true;
        };
    }

    boolean ordered() {
        return this == NUMBER || this == DATE;
    }

    /** The value as DRL writes it in a constraint. */
    String literal(String value) {
        return switch (this) {
            case NUMBER, BOOLEAN -> value;
            case DATE -> "java.time.LocalDate.parse(\"" + value + "\")";
            case TEXT, UNKNOWN -> "\"" + value + "\"";
        };
    }

    /** The type of a lead property ({@code estimatedValue}) or {@code attribute("x")}; UNKNOWN for anything else. */
    static ValueType of(String fact, String property) {
        if (!"Lead".equals(fact)) {
            return UNKNOWN;
        }
        if (ATTRIBUTE.matcher(property).matches()) {
            return TEXT;
        }
        if (!PROPERTY.matcher(property).matches()) {
            return UNKNOWN;
        }
        String capitalised = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                Method getter = Lead.class.getMethod(prefix + capitalised);
                return ofClass(getter.getReturnType());
            } catch (NoSuchMethodException e) {
                // try the next accessor form
            }
        }
        return UNKNOWN;
    }

    private static ValueType ofClass(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                || type == BigDecimal.class) {
            return NUMBER;
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        return type == String.class ? TEXT : UNKNOWN;
    }

    private static boolean parsesAsDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
