package org.leadrouter.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.lead.LeadParser;
import org.leadrouter.problem.InvalidRequestException;

/**
 * The header of a scenario file and how each row becomes a {@link Scenario}. Lead columns are
 * named as the fields of the JSON body callers POST ({@code contact.email},
 * {@code attributes.fibreAvailable}); a row becomes that JSON body and goes through the
 * service's own {@link LeadParser}, so a scenario is typed and validated exactly as a real lead.
 */
final class ScenarioColumns {

    static final String SCENARIO = "scenario";
    static final String DESCRIPTION = "description";
    static final String EXPECTED_QUEUE = "expectedQueue";
    static final String EXPECTED_PRIORITY = "expectedPriority";
    static final String EXPECTED_FALLBACK = "expectedFallback";
    static final String EXPECTED_SKILLS = "expectedSkills";
    static final String ATTRIBUTES = "attributes.";

    private static final List<String> TEXT_FIELDS = List.of("id", "source", "receivedAt", "product", "postcode",
            "customerTier", "contractType", "contractEndDate");
    private static final List<String> CONTACT_FIELDS = List.of("contact.name", "contact.email", "contact.phone");
    private static final List<String> OTHER_FIELDS = List.of(SCENARIO, DESCRIPTION, "existingCustomer",
            "estimatedValue", EXPECTED_QUEUE, EXPECTED_PRIORITY, EXPECTED_FALLBACK, EXPECTED_SKILLS);
    private static final Map<String, String> KNOWN = known();
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern SKILL = Pattern.compile("([^:\\s]+)(?::(\\d+))?");

    private final String file;
    private final String segment;
    private final Instant defaultReceivedAt;
    private final LeadParser parser;
    /** Column index to canonical name ("contact.email", "attributes.fibreAvailable"); null for an ignored column. */
    private final List<String> columns;
    private final List<String> problems;

    private ScenarioColumns(String file, String segment, Instant defaultReceivedAt, LeadParser parser,
                            List<String> columns, List<String> problems) {
        this.file = file;
        this.segment = segment;
        this.defaultReceivedAt = defaultReceivedAt;
        this.parser = parser;
        this.columns = columns;
        this.problems = problems;
    }

    static ScenarioColumns of(String file, String segment, Instant defaultReceivedAt, TableRow header) {
        List<String> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String cell : header.cells()) {
            String name = canonical(cell);
            if (name == null && !cell.isBlank()) {
                problems.add(cell.equalsIgnoreCase("segment")
                        ? "column 'segment': the segment is the folder the file is in; remove the column"
                        : "unknown column '" + cell + "'; lead columns are " + String.join(", ", KNOWN.values())
                          + ", attributes.<name>");
            }
            if (name != null && columns.contains(name)) {
                problems.add("column '" + cell + "' appears twice");
                name = null;
            }
            columns.add(name);
        }
        for (String required : List.of(SCENARIO, EXPECTED_QUEUE)) {
            if (!columns.contains(required)) {
                problems.add("no '" + required + "' column");
            }
        }
        return new ScenarioColumns(file, segment, defaultReceivedAt, new LeadParser(new ObjectMapper()),
                Collections.unmodifiableList(columns), List.copyOf(problems));
    }

    /** What is wrong with the header itself; a file with any of these has no usable rows. */
    List<String> problems() {
        return problems;
    }

    /**
     * The scenario of one row.
     *
     * @throws IllegalArgumentException naming every bad cell of the row
     */
    Scenario scenario(TableRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = row.cell(i);
            if (columns.get(i) != null && !value.isBlank()) {
                cells.put(columns.get(i), value);
            }
        }
        List<String> bad = new ArrayList<>();
        String name = cells.get(SCENARIO);
        if (name == null) {
            bad.add("the scenario has no name");
        }
        String queue = cells.get(EXPECTED_QUEUE);
        if (queue == null) {
            bad.add(EXPECTED_QUEUE + " is empty");
        }
        Integer priority = priority(cells.get(EXPECTED_PRIORITY), bad);
        Boolean fallback = bool(cells.get(EXPECTED_FALLBACK), EXPECTED_FALLBACK, bad);
        Map<String, Integer> skills = skills(cells.get(EXPECTED_SKILLS), bad);
        LeadInput lead = null;
        try {
            lead = parser.parse(body(row.number(), cells).toString());
        } catch (InvalidRequestException e) {
            e.problems().forEach(p -> bad.add(p.field() + " " + p.problem()));
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("row " + row.number() + (name == null ? "" : " '" + name + "'")
                    + ": " + String.join("; ", bad));
        }
        return new Scenario(file, row.number(), name, cells.get(DESCRIPTION), lead,
                new Scenario.Expected(queue, priority, fallback, skills));
    }

    /** The JSON body a caller would have sent for this row. */
    private ObjectNode body(int rowNumber, Map<String, String> cells) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("id", segment + "-scenario-row-" + rowNumber);
        body.put("segment", segment);
        body.put("receivedAt", defaultReceivedAt.toString());
        ObjectNode contact = json.objectNode();
        ObjectNode attributes = json.objectNode();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (TEXT_FIELDS.contains(column)) {
                body.put(column, value);
            } else if (CONTACT_FIELDS.contains(column)) {
                contact.put(column.substring("contact.".length()), value);
            } else if (column.equals("estimatedValue")) {
                // Left as text when it is not a number, so the parser names the field as it would for a caller.
                body.set(column, isNumber(value) ? json.numberNode(new BigDecimal(value)) : json.textNode(value));
            } else if (column.equals("existingCustomer")) {
                body.set(column, isBoolean(value) ? json.booleanNode(Boolean.parseBoolean(value)) : json.textNode(value));
            } else if (column.startsWith(ATTRIBUTES)) {
                attributes.set(column.substring(ATTRIBUTES.length()), attributeValue(value));
            }
        }
        if (!contact.isEmpty()) {
            body.set("contact", contact);
        }
        if (!attributes.isEmpty()) {
            body.set("attributes", attributes);
        }
        return body;
    }

    /** Attributes are typed as a JSON caller would most likely send them: true/false, numbers, else text. */
    private static JsonNode attributeValue(String value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (isBoolean(value)) {
            return json.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        }
        if (INTEGER.matcher(value).matches() && value.length() < 19) {
            return json.numberNode(Long.parseLong(value));
        }
        if (DECIMAL.matcher(value).matches()) {
            return json.numberNode(new BigDecimal(value));
        }
        return json.textNode(value);
    }

    private static Integer priority(String value, List<String> bad) {
        if (value == null) {
            return null;
        }
        if (INTEGER.matcher(value).matches() && value.length() < 3) {
            int priority = Integer.parseInt(value);
            if (priority >= 1 && priority <= 5) {
                return priority;
            }
        }
        bad.add(EXPECTED_PRIORITY + " must be 1 to 5, not '" + value + "'");
        return null;
    }

    private static Boolean bool(String value, String column, List<String> bad) {
        if (value == null) {
            return null;
        }
        if (isBoolean(value)) {
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        }
        bad.add(column + " must be true or false, not '" + value + "'");
        return null;
    }

    /** "fca-adviser:5; welsh-language" (level 1 when not given), or "none". */
    private static Map<String, Integer> skills(String value, List<String> bad) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("none")) {
            return Map.of();
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String item : value.split("[;,]")) {
            var skill = SKILL.matcher(item.strip());
            if (!skill.matches()) {
                bad.add(EXPECTED_SKILLS + " must be like 'fca-adviser:5; welsh-language' or 'none', not '" + value + "'");
                return null;
            }
            skills.put(skill.group(1), skill.group(2) == null ? 1 : Integer.parseInt(skill.group(2)));
        }
        return Map.copyOf(skills);
    }

    private static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static boolean isNumber(String value) {
        return INTEGER.matcher(value).matches() || DECIMAL.matcher(value).matches();
    }

    private static String canonical(String header) {
        String name = header.strip();
        if (name.regionMatches(true, 0, ATTRIBUTES, 0, ATTRIBUTES.length()) && name.length() > ATTRIBUTES.length()) {
            // Attribute names are the caller's keys: case matters to attribute(name).
            return ATTRIBUTES + name.substring(ATTRIBUTES.length());
        }
        return KNOWN.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> known() {
        return Stream.of(TEXT_FIELDS, CONTACT_FIELDS, OTHER_FIELDS)
                .flatMap(List::stream)
                .collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), n -> n, (a, b) -> a, LinkedHashMap::new));
    }
}
