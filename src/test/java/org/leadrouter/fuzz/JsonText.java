package org.leadrouter.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON written by hand, so that a body can hold what a JSON library refuses to write: duplicate
 * keys, lone surrogates as {@code \ud800} escapes, numbers of any size and raw fragments.
 */
final class JsonText {

    /** An object as a list of fields, so a key can appear twice. */
    record Obj(List<Map.Entry<String, Object>> fields) {

        static Obj of(Object... keysAndValues) {
            List<Map.Entry<String, Object>> fields = new ArrayList<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                fields.add(Map.entry((String) keysAndValues[i], keysAndValues[i + 1] == null ? Null.NULL : keysAndValues[i + 1]));
            }
            return new Obj(fields);
        }

        Obj copy() {
            List<Map.Entry<String, Object>> copied = new ArrayList<>();
            for (Map.Entry<String, Object> field : fields) {
                copied.add(Map.entry(field.getKey(), deepCopy(field.getValue())));
            }
            return new Obj(copied);
        }
    }

    /** Text written into the body as it is: a number too big for any type, or broken JSON. */
    record Raw(String text) {
    }

    /** JSON null (Map.entry takes no null values). */
    enum Null { NULL }

    private JsonText() {
    }

    static String write(Object value, boolean escapeNonAscii) {
        StringBuilder out = new StringBuilder();
        write(value, escapeNonAscii, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Obj obj) {
            return obj.copy();
        }
        if (value instanceof List<?> list) {
            List<Object> copied = new ArrayList<>();
            list.forEach(item -> copied.add(deepCopy(item)));
            return copied;
        }
        return value;
    }

    private static void write(Object value, boolean escapeNonAscii, StringBuilder out) {
        if (value == null || value == Null.NULL) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            string(text, escapeNonAscii, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Obj obj) {
            out.append('{');
            for (int i = 0; i < obj.fields().size(); i++) {
                Map.Entry<String, Object> field = obj.fields().get(i);
                out.append(i == 0 ? "" : ",");
                string(field.getKey(), escapeNonAscii, out);
                out.append(':');
                write(field.getValue(), escapeNonAscii, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), escapeNonAscii, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    // A lone surrogate cannot be encoded in UTF-8, so it is always sent as an escape.
    private static void string(String text, boolean escapeNonAscii, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c > 0x7e && escapeNonAscii) || Character.isSurrogate(c) && !pairedAt(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
