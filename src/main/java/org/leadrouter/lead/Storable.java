package org.leadrouter.lead;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What both record databases (H2 and PostgreSQL) hold and give back unchanged. A lead outside
 * these limits is refused before it is routed, so no lead is ever acknowledged that the record
 * cannot keep or read back.
 */
public final class Storable {

    /** Ids end up in URLs and file-like names: no separators, escapes, spaces or dot segments. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    public static final String ID_RULE = "1 to 128 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit";

    /** Both databases hold far wider ranges; wider than this is a caller's mistake, not a date. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    static final int MAX_DIGITS = 38;
    static final int MAX_EXPONENT = 308;

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Storable() {
    }

    /** Integers within a long, decimals of at most 38 digits and exponents within a double's: read back exactly. */
    public static Optional<String> integerProblem(BigInteger value) {
        return value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0
                ? Optional.of("must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE)
                : Optional.empty();
    }

    public static Optional<String> decimalProblem(BigDecimal value) {
        int exponent = value.precision() - value.scale() - 1;
        return value.precision() > MAX_DIGITS || Math.abs(exponent) > MAX_EXPONENT
                ? Optional.of("must have at most " + MAX_DIGITS + " significant digits and an exponent from -"
                        + MAX_EXPONENT + " to " + MAX_EXPONENT)
                : Optional.empty();
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }
}
