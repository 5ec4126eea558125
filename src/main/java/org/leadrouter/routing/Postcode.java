package org.leadrouter.routing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode as the rules see it: upper-cased, single-spaced ("sw1a1aa" becomes "SW1A 1AA"),
 * with its area (the leading letters, "SW"). Text that is not a postcode is kept upper-cased with
 * no area, so the rules can still send the lead to review.
 */
public record Postcode(String text, String area) {

    private static final Pattern FULL = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
    private static final Pattern OUTWARD = Pattern.compile("^([A-Z]{1,2})[0-9][A-Z0-9]?$");
    // Compiled once: String.replaceAll compiles its pattern on every call, once per lead here.
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static Postcode normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Postcode(null, null);
        }
        String compact = SPACES.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        Matcher full = FULL.matcher(compact);
        if (full.matches()) {
            return new Postcode(full.group(1) + " " + full.group(2), areaOf(full.group(1)));
        }
        // A caller that only has the outward code ("SW1A") still tells us the area.
        if (OUTWARD.matcher(compact).matches()) {
            return new Postcode(compact, areaOf(compact));
        }
        return new Postcode(raw.trim().toUpperCase(Locale.ROOT), null);
    }

    private static String areaOf(String outward) {
        Matcher m = OUTWARD.matcher(outward);
        return m.matches() ? m.group(1) : null;
    }
}
