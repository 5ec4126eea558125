package org.leadrouter.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.leadrouter.fuzz.JsonText.Obj;

/**
 * The generated requests for one endpoint: the same seed and count give the same requests, so a
 * failure found once can be sent again. Most are a valid request with one thing wrong (a field's
 * value, a missing or repeated field, the content type, the path), the rest broken outright.
 */
final class FuzzCorpus {

    /** Path segments as written on the wire (already valid URI syntax): the router must cope. */
    private static final List<String> ODD_SEGMENTS = List.of(";", "a;b=c", ";jsessionid=1", "..", ".", "%2e%2e", "%2e",
            "%2F", "a%2Fb", "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%ff%fe", "%25", "%20", "+", "~", "*", "%C4%B0",
            "%ED%A0%80", "%F0%9F%98%80", "-1", "0", "9223372036854775808", "99999999999999999999999", "1e3", "0x1F",
            "%E2%80%AE", "a%3Bb", "%3F", "%23", "x".repeat(5000), "%C0%AE%C0%AE");

    private static final List<String> ODD_SUFFIXES = List.of(";x", ";", "/..", "/%2e%2e", "%00", "/", "//", "?a=%00");

    private static final int ONE_MEBIBYTE_AND_MORE = 1_100_000;

    private final Endpoint endpoint;
    private final Random random;

    private FuzzCorpus(Endpoint endpoint, long seed) {
        this.endpoint = endpoint;
        this.random = new Random(seed * 31 + endpoint.ordinal());
    }

    static List<FuzzCase> generate(Endpoint endpoint, long seed, int count) {
        FuzzCorpus corpus = new FuzzCorpus(endpoint, seed);
        return IntStream.range(0, count).mapToObj(corpus::next).toList();
    }

    private FuzzCase next(int index) {
        String path = path(index);
        String contentType = switch (endpoint.body) {
            case JSON -> "application/json";
            case CSV -> "text/csv";
            case NONE -> null;
        };
        if (random.nextInt(10) == 0) {
            contentType = HostileValues.contentType(random);
        }
        byte[] body = endpoint.body == Endpoint.Body.CSV ? csvBody(index) : jsonBody(index);
        return new FuzzCase(endpoint, index, endpoint.method, path, contentType, body);
    }

    private String path(int index) {
        boolean good = endpoint.compilesRules() ? random.nextInt(20) == 0 : random.nextInt(10) != 0;
        if (!endpoint.hasPathParameter()) {
            return good ? endpoint.path : endpoint.path + ODD_SUFFIXES.get(random.nextInt(ODD_SUFFIXES.size()));
        }
        String parameter;
        if (good) {
            parameter = segment(endpoint.goodParameter(index));
        } else if (random.nextBoolean()) {
            parameter = ODD_SEGMENTS.get(random.nextInt(ODD_SEGMENTS.size()));
        } else {
            parameter = segment(HostileValues.string(random));
        }
        return endpoint.path.replace("{p}", parameter.isEmpty() ? "%20" : parameter);
    }

    /** Percent-encodes everything but unreserved characters, as a careful client would. */
    static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private byte[] jsonBody(int index) {
        Object valid = endpoint.validJson(index);
        int kind = random.nextInt(100);
        if (valid == null) {
            return kind < 60 ? new byte[0] : utf8(JsonText.write(HostileValues.value(random), random.nextBoolean()));
        }
        Object body = JsonText.deepCopy(valid);
        if (kind < 45) {
            body = perturb(body, HostileValues.value(random));
        } else if (kind < 55) {
            body = reshape(body);
        } else if (kind < 65) {
            return HostileValues.malformed(random, JsonText.write(valid, false));
        } else if (kind < 70) {
            body = List.of(HostileValues.value(random), valid, 1, "x", JsonText.Null.NULL).get(random.nextInt(5));
        } else if (kind < 74) {
            body = HostileValues.nested(random, 500 + random.nextInt(20_000));
        } else if (kind < 75) {
            body = perturb(body, "y".repeat(ONE_MEBIBYTE_AND_MORE));
        }
        return utf8(JsonText.write(body, random.nextInt(4) == 0));
    }

    /** Replaces one field's value, at any depth, by {@code value}. */
    private Object perturb(Object body, Object value) {
        if (body instanceof Obj obj && !obj.fields().isEmpty()) {
            int at = random.nextInt(obj.fields().size());
            Map.Entry<String, Object> field = obj.fields().get(at);
            boolean deeper = (field.getValue() instanceof Obj || field.getValue() instanceof List) && random.nextBoolean();
            obj.fields().set(at, Map.entry(field.getKey(), deeper ? perturb(field.getValue(), value) : value));
            return obj;
        }
        if (body instanceof List<?> list && !list.isEmpty()) {
            List<Object> items = new ArrayList<>(list);
            int at = random.nextInt(items.size());
            items.set(at, random.nextBoolean() ? perturb(items.get(at), value) : value);
            return items;
        }
        return value;
    }

    /** A missing field, an unknown one, or the same key twice with different values. */
    private Object reshape(Object body) {
        Obj obj = body instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Obj first ? first : null;
        if (body instanceof Obj top) {
            obj = top;
        }
        if (obj == null || obj.fields().isEmpty()) {
            return body;
        }
        int at = random.nextInt(obj.fields().size());
        Map.Entry<String, Object> field = obj.fields().get(at);
        switch (random.nextInt(3)) {
            case 0 -> obj.fields().remove(at);
            case 1 -> obj.fields().add(Map.entry(HostileValues.string(random), HostileValues.value(random)));
            default -> obj.fields().add(Map.entry(field.getKey(), HostileValues.value(random)));
        }
        return body;
    }

    private byte[] csvBody(int index) {
        String valid = Endpoint.validCsv(index);
        int kind = random.nextInt(100);
        if (kind < 50) {
            return utf8(replaceCell(valid, csvCell(HostileValues.string(random))));
        } else if (kind < 60) {
            String[] lines = valid.split("\n");
            int line = random.nextInt(lines.length);
            lines[line] = switch (random.nextInt(4)) {
                case 0 -> lines[line].substring(0, random.nextInt(lines[line].length()));
                case 1 -> lines[line] + ",extra,columns";
                case 2 -> lines[line].replace(",", ";");
                default -> "";
            };
            return utf8(String.join(random.nextBoolean() ? "\n" : "\r\n", lines));
        } else if (kind < 70) {
            return HostileValues.malformed(random, valid);
        } else if (kind < 75) {
            return utf8(JsonText.write(Endpoint.IMPORT_JSON.validJson(index), false));
        } else if (kind < 77) {
            return utf8(Endpoint.CSV_HEADER + "\n" + ("fz-many,A,,insurance-general,,1,Europe/London,,\n").repeat(30_000));
        } else if (kind < 80) {
            return utf8(replaceCell(valid, "\"" + "z".repeat(random.nextBoolean() ? 5000 : ONE_MEBIBYTE_AND_MORE) + "\""));
        } else if (kind < 85) {
            return utf8(replaceCell(valid, "\"unterminated,quote"));
        }
        return utf8(valid);
    }

    /** A value as a CSV cell: sometimes quoted properly, sometimes raw whatever it holds. */
    private String csvCell(String value) {
        return random.nextBoolean() ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private String replaceCell(String csv, String cell) {
        String[] lines = csv.split("\n", -1);
        int line = 1 + random.nextInt(2);
        String[] cells = lines[line].split(",", -1);
        cells[random.nextInt(cells.length)] = cell;
        lines[line] = String.join(",", cells);
        return String.join("\n", lines);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
