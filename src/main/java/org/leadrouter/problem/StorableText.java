package org.leadrouter.problem;

import java.util.Optional;

/** Text every database of the service holds and gives back unchanged. */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored as it is, if it cannot: PostgreSQL refuses NUL, UTF-8 has no lone surrogates. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain a NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
        return Optional.empty();
    }
}
