package org.leadrouter.lead;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.JsonDuplicates;
import org.leadrouter.problem.StorableText;

/**
 * The validate step: turns a request body into a {@link LeadInput}, or rejects a body that is
 * not a lead at all, naming every bad field at once. Missing or odd business data (no postcode,
 * an unknown product) is not rejected here: the rules route such leads to review.
 *
 * <p>Parses the JSON tree by hand rather than binding, because binding stops at the first bad
 * field and callers need all of them in one answer.
 */
@ApplicationScoped
public class LeadParser {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_TEXT_LENGTH = 1024;
    static final int MAX_SEGMENT_LENGTH = 64;

    private final ObjectReader reader;
    private final Supplier<Instant> clock;

    @jakarta.inject.Inject
    public LeadParser(ObjectMapper mapper) {
        this(mapper, Instant::now);
    }

    LeadParser(ObjectMapper mapper, Supplier<Instant> clock) {
        // Money arrives as JSON numbers; doubles would turn 1250.50 into 1250.5 and worse.
        this.reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // A key given twice is ambiguous: which value did the caller mean?
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.clock = clock;
    }

    public LeadInput parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the body is empty; send a lead as a JSON object",
                    List.of(new FieldProblem("body", "is empty")));
        }
        int size = body.length() <= MAX_BODY_BYTES / 3 ? body.length() : body.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BODY_BYTES) {
            throw new LeadTooLargeException(size, MAX_BODY_BYTES);
        }
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            JsonDuplicates.duplicateKey(e).ifPresent(key -> {
                throw new InvalidRequestException("the body gives a key twice",
                        List.of(new FieldProblem(key, "is given more than once")));
            });
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRequestException("the body is not valid JSON" + where,
                    List.of(new FieldProblem("body", "malformed JSON" + where + ": " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException("the body must be a JSON object",
                    List.of(new FieldProblem("body", "must be a JSON object, not " + kind(root))));
        }
        return read(root);
    }

    private LeadInput read(JsonNode root) {
        Fields f = new Fields(root);
        String id = f.id();
        String segment = f.segment();
        LeadInput lead = new LeadInput(
                id == null ? UUID.randomUUID().toString() : id,
                segment,
                f.text("source", MAX_TEXT_LENGTH),
                orNow(f.instant("receivedAt")),
                f.text("product", MAX_TEXT_LENGTH),
                f.text("postcode", 16),
                f.text("customerTier", MAX_TEXT_LENGTH),
                f.bool("existingCustomer"),
                f.text("contractType", MAX_TEXT_LENGTH),
                f.date("contractEndDate"),
                f.money("estimatedValue"),
                f.contact(),
                f.attributes());
        if (!f.problems.isEmpty()) {
            throw new InvalidRequestException("the body is not a valid lead", f.problems);
        }
        return lead;
    }

    private Instant orNow(Instant instant) {
        return instant == null ? clock.get() : instant;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Reads typed fields from one JSON object, collecting a problem per bad field. */
    private static final class Fields {
        private final JsonNode root;
        private final List<FieldProblem> problems = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        void problem(String field, String problem) {
            problems.add(new FieldProblem(field, problem));
        }

        boolean hasProblem(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        private JsonNode present(JsonNode parent, String name) {
            JsonNode node = parent.get(name);
            return node == null || node.isNull() ? null : node;
        }

        String id() {
            JsonNode node = present(root, "id");
            if (node == null) {
                return null;
            }
            // CRMs send numeric ids as numbers; the id is the same text either way.
            if (!node.isTextual() && !node.isIntegralNumber()) {
                problem("id", "must be a string, not " + kind(node));
                return null;
            }
            String id = node.asText().trim();
            if (!Storable.ID.matcher(id).matches()) {
                problem("id", "must be " + Storable.ID_RULE);
                return null;
            }
            return id;
        }

        /** Segments are case-insensitive folder names; the lower-cased name is what is stored, and may be longer. */
        String segment() {
            String segment = text("segment", MAX_SEGMENT_LENGTH);
            if (segment == null) {
                if (!hasProblem("segment")) {
                    problem("segment", "is required");
                }
                return null;
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.length() > MAX_SEGMENT_LENGTH) {
                problem("segment", "must be at most " + MAX_SEGMENT_LENGTH + " characters once lower-cased");
                return null;
            }
            return lower;
        }

        String text(String name, int maxLength) {
            return text(root, name, name, maxLength);
        }

        String text(JsonNode parent, String name, String path, int maxLength) {
            JsonNode node = present(parent, name);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                problem(path, "must be a string, not " + kind(node));
                return null;
            }
            String value = node.textValue().trim();
            if (value.length() > maxLength) {
                problem(path, "must be at most " + maxLength + " characters");
                return null;
            }
            if (!storable(path, value)) {
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        Boolean bool(String name) {
            JsonNode node = present(root, name);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                problem(name, "must be true or false, not " + kind(node));
                return null;
            }
            return node.booleanValue();
        }

        Instant instant(String name) {
            String value = typedText(name, "a date-time such as 2026-11-25T09:30:00Z");
            if (value == null) {
                return null;
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                problem(name, "must be a date-time with an offset, such as 2026-11-25T09:30:00Z");
                return null;
            }
            if (!Storable.inRange(instant)) {
                problem(name, "must be from " + Storable.EARLIEST + " to " + Storable.LATEST);
                return null;
            }
            return instant;
        }

        LocalDate date(String name) {
            String value = typedText(name, "a date such as 2027-01-31");
            if (value == null) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(name, "must be a date such as 2027-01-31");
                return null;
            }
            if (!Storable.inRange(date)) {
                problem(name, "must be from " + Storable.EARLIEST_DATE + " to " + Storable.LATEST_DATE);
                return null;
            }
            return date;
        }

        private String typedText(String name, String expected) {
            JsonNode node = present(root, name);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                problem(name, "must be " + expected + ", not " + kind(node));
                return null;
            }
            return node.textValue().trim();
        }

        BigDecimal money(String name) {
            JsonNode node = present(root, name);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                problem(name, "must be a number (GBP), not " + kind(node));
                return null;
            }
            BigDecimal value = node.decimalValue();
            if (value.signum() < 0) {
                problem(name, "must not be negative");
                return null;
            }
            Optional<String> unstorable = Storable.decimalProblem(value);
            unstorable.ifPresent(p -> problem(name, p));
            return unstorable.isPresent() ? null : value;
        }

        Contact contact() {
            JsonNode node = present(root, "contact");
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                problem("contact", "must be an object with name, email and phone, not " + kind(node));
                return null;
            }
            return new Contact(
                    text(node, "name", "contact.name", MAX_TEXT_LENGTH),
                    text(node, "email", "contact.email", 320),
                    text(node, "phone", "contact.phone", 32));
        }

        Map<String, Object> attributes() {
            JsonNode node = present(root, "attributes");
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                problem("attributes", "must be an object of names to values, not " + kind(node));
                return Map.of();
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                String path = "attributes." + key;
                JsonNode value = entry.getValue();
                if (!storable(path, key)) {
                    continue;
                }
                if (value.isTextual()) {
                    if (storable(path, value.textValue())) {
                        attributes.put(key, value.textValue());
                    }
                } else if (value.isBoolean()) {
                    attributes.put(key, value.booleanValue());
                } else if (value.isIntegralNumber()) {
                    Optional<String> unstorable = Storable.integerProblem(value.bigIntegerValue());
                    unstorable.ifPresentOrElse(p -> problem(path, p), () -> attributes.put(key, value.longValue()));
                } else if (value.isNumber()) {
                    Optional<String> unstorable = Storable.decimalProblem(value.decimalValue());
                    unstorable.ifPresentOrElse(p -> problem(path, p), () -> attributes.put(key, value.decimalValue()));
                } else if (!value.isNull()) {
                    problem(path, "must be a string, number or boolean, not " + kind(value));
                }
            }
            return attributes;
        }

        private boolean storable(String path, String text) {
            Optional<String> unstorable = StorableText.problem(text);
            unstorable.ifPresent(p -> problem(path, p));
            return unstorable.isEmpty();
        }
    }
}
