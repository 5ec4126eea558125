package org.leadrouter.fuzz;

import java.nio.charset.StandardCharsets;

/** One request of the corpus: a raw path (valid URI syntax) and a body of any bytes. */
record FuzzCase(Endpoint endpoint, int index, String method, String path, String contentType, byte[] body) {

    private static final int SAMPLE = 160;

    /** The request in one line for a failure summary: long bodies cut, control characters escaped. */
    String sample() {
        String text = new String(body, StandardCharsets.UTF_8);
        String cut = text.length() > SAMPLE ? text.substring(0, SAMPLE) + "…(" + body.length + " bytes)" : text;
        StringBuilder out = new StringBuilder(method).append(' ').append(path.length() > SAMPLE ? path.substring(0, SAMPLE) + "…" : path)
                .append(" [").append(contentType == null ? "no content type" : contentType).append("] ");
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate((char) c) && c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
