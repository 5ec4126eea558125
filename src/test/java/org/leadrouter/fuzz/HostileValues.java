package org.leadrouter.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.leadrouter.fuzz.JsonText.Obj;
import org.leadrouter.fuzz.JsonText.Raw;

/** Values a careless or hostile caller sends in place of a field's proper value. */
final class HostileValues {

    /** Strings that break lengths, encodings, case mapping, parsers or the stores' columns. */
    static final List<String> STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "insurance\u0000x", "a\u0000b",
            "\ud800", "CRM-9\ud800", "\udfff", "x\udc00y", "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd", "e\u0301\u0301\u0301\u0301\u0301", "Z\u0351\u0352\u0357\u035b\u0363",
            "\u0130".repeat(64), "\u0130".repeat(300), "\u00df".repeat(200), "\ufb03".repeat(100), "\ufeff", "\uffff", "\ufffd",
            "\u2028\u2029", "\u0085", "\u00a0", "\u3000",
            "'; DROP TABLE leads; --", "1' OR '1'='1", "\" OR \"\"=\"", "insurance'--", "%", "_", "\\", "\\\\'",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;&#0;", "]]><!--",
            "rule \"x\" when then System.exit(0); end", "import java.io.File; rule r when then end",
            "eval(true)", "${jndi:ldap://127.0.0.1/x}", "#{1+1}", "%s%n%x",
            "..", ".", "../../etc/passwd", "/etc/passwd", "/", "a/b", "a;b", "a?b", "a#b", "%2e%2e", "%2F", "%00",
            "CON", "nul", "-1", "0", "NaN", "Infinity", "true", "null", "1e309", "0x10",
            "ONLINE", "online", "AWAY", "OFFLINE", "MON-FRI 09:00-17:30", "MON-SUN 00:00-24:00", "SUN-MON 25:61-00:00",
            "Europe/London", "Mars/Olympus", "../../../../etc/localtime",
            "+300000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25",
            "9999-12-31", "0000-00-00", "insurance", "telecoms", "INSURANCE", "general-review");

    private HostileValues() {
    }

    static String string(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> longString(random);
            case 1 -> randomChars(random, 1 + random.nextInt(40));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    /** Any JSON value of any type: the field's proper type is not considered. */
    static Object value(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> string(random);
            case 4 -> number(random);
            case 5 -> random.nextBoolean();
            case 6 -> JsonText.Null.NULL;
            case 7 -> List.of(string(random), number(random));
            case 8 -> Obj.of(string(random), string(random));
            default -> nested(random, 1 + random.nextInt(3000));
        };
    }

    static Object number(Random random) {
        return new Raw(switch (random.nextInt(16)) {
            case 0 -> "-9223372036854775809";
            case 1 -> "9223372036854775808";
            case 2 -> "1" + "0".repeat(400);
            case 3 -> "1e999999999";
            case 4 -> "-1e-999999999";
            case 5 -> "0." + "0".repeat(5000) + "1";
            case 6 -> "2147483648";
            case 7 -> "-2147483649";
            case 8 -> "-0";
            case 9 -> "1.7976931348623157E309";
            case 10 -> "4.9E-325";
            case 11 -> "12345678901234567890.123456789";
            case 12 -> "-1";
            case 13 -> "0";
            case 14 -> "3.5";
            default -> Long.toString(random.nextLong());
        });
    }

    /** Arrays or objects nested this deep. */
    static Raw nested(Random random, int depth) {
        boolean arrays = random.nextBoolean();
        return new Raw((arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth));
    }

    private static String longString(Random random) {
        int[] lengths = {256, 257, 4097, 65_536, 200_000};
        return "x".repeat(lengths[random.nextInt(lengths.length)]);
    }

    private static String randomChars(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    /** Nearly JSON: what a truncated, hand-edited or binary body looks like. */
    static byte[] malformed(Random random, String valid) {
        return switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (valid + "}").getBytes(StandardCharsets.UTF_8);
            case 2 -> valid.replace("\"", "'").getBytes(StandardCharsets.UTF_8);
            case 3 -> valid.replaceFirst(",", ",,").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("/* c */" + valid).getBytes(StandardCharsets.UTF_8);
            case 5 -> valid.replaceFirst(":", "").getBytes(StandardCharsets.UTF_8);
            case 6 -> bytes(random, 1 + random.nextInt(300));
            case 7 -> new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}'};
            case 8 -> new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
            case 9 -> (valid + valid).getBytes(StandardCharsets.UTF_8);
            case 10 -> "\ufeff".concat(valid).getBytes(StandardCharsets.UTF_16);
            default -> new String[] {"", " ", "null", "[]", "{}", "0", "\"x\"", "[null]", "[{}]", "true", "{\"\":\"\"}"}
                    [random.nextInt(11)].getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Content types a caller gets wrong, null meaning none at all. */
    static String contentType(Random random) {
        List<String> types = new ArrayList<>(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json;;;",
                "APPLICATION/JSON", "application/problem+json", "text/csv", "*/*", "}}}", "application/octet-stream"));
        types.add(null);
        return types.get(random.nextInt(types.size()));
    }
}
