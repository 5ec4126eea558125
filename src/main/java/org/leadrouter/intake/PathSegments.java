package org.leadrouter.intake;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a value as one URL path segment (RFC 3986): everything but unreserved
 * characters, so a ';' (matrix parameters), '/', '?', '#', '%' or a dot segment in an id
 * recorded before ids were restricted still points at that lead and no other. Cannot fail:
 * a lone surrogate is encoded as UTF-8 does, as '?'.
 */
final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    static String encode(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '@') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
