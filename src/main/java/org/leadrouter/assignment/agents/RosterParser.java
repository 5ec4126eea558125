package org.leadrouter.assignment.agents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.JsonDuplicates;

/**
 * Reads a roster: JSON (an array of agents, or {"agents": [...]}) or CSV with a header row
 * {@code id,name,manager,queues,skills,capacity,timeZone,hours,presence} in any order, lists
 * inside a cell separated by ';' ("retention:7;welsh-language:3"), empty cells meaning "not given".
 * Entries are named {@code agents[i]} (JSON, from 0) or {@code line N} (CSV, the header is line 1).
 */
public final class RosterParser {

    static final List<String> COLUMNS = List.of("id", "name", "manager", "queues", "skills", "capacity", "timeZone",
            "hours", "presence");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One roster entry and the prefix its problems are reported under. */
    public record Entry(String prefix, AgentProfile profile) {
    }

    private RosterParser() {
    }

    public static List<Entry> parse(String body, boolean csv) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the roster is empty", List.of(new FieldProblem("body", "a roster is required")));
        }
        return csv ? csv(body) : json(body);
    }

    private static List<Entry> json(String body) {
        List<Entry> entries = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode agents = root.isObject() ? root.get("agents") : root;
            if (agents == null || !agents.isArray()) {
                throw new InvalidRequestException("the roster is not a list of agents",
                        List.of(new FieldProblem("agents", "an array of agents is required")));
            }
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                String prefix = "agents[" + i + "].";
                if (!agents.get(i).isObject()) {
                    problems.add(new FieldProblem("agents[" + i + "]", "must be an agent (a JSON object), not "
                            + agents.get(i).getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
                    continue;
                }
                try {
                    entries.add(new Entry(prefix, JSON.treeToValue(agents.get(i), AgentProfile.class)));
                } catch (JsonMappingException e) {
                    String field = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
                    problems.add(new FieldProblem(prefix + field, e.getOriginalMessage()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException("the roster has bad entries", problems);
            }
        } catch (JsonProcessingException e) {
            Optional<String> duplicate = JsonDuplicates.duplicateKey(e)
                    .map(key -> key.startsWith("[") ? "agents" + key : key);
            if (duplicate.isPresent()) {
                throw new InvalidRequestException("the roster gives a key twice",
                        List.of(new FieldProblem(duplicate.get(), "is given more than once")));
            }
            throw new InvalidRequestException("the roster is not valid JSON",
                    List.of(new FieldProblem("body", e.getOriginalMessage())));
        }
        return entries;
    }

    private static List<Entry> csv(String body) {
        List<String> lines = body.lines().toList();
        // Spreadsheets often save CSV with a byte order mark.
        List<String> header = cells(lines.get(0).replace("\uFEFF", ""));
        List<FieldProblem> problems = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(new FieldProblem("line 1", "unknown column '" + column + "'; columns are " + COLUMNS));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the roster header is not valid", problems);
        }
        List<Entry> entries = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String prefix = "line " + (n + 1) + ".";
            List<String> cells = cells(lines.get(n));
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String cell = i < cells.size() ? cells.get(i).trim() : "";
                row.put(header.get(i), cell.isEmpty() ? null : cell);
            }
            entries.add(new Entry(prefix, new AgentProfile(row.get("id"), row.get("name"), row.get("manager"),
                    list(row.get("queues")), skills(row.get("skills"), prefix, problems),
                    integer(row.get("capacity"), prefix + "capacity", problems), row.get("timeZone"),
                    row.get("hours") == null ? null : list(row.get("hours")), row.get("presence"))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the roster has bad entries", problems);
        }
        return entries;
    }

    private static List<String> list(String cell) {
        return cell == null ? null : Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Integer> skills(String cell, String prefix, List<FieldProblem> problems) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String skill : cell == null ? List.<String>of() : list(cell)) {
            int colon = skill.lastIndexOf(':');
            String name = colon < 0 ? skill : skill.substring(0, colon).trim();
            // A skill without a level is held at the lowest level, as a rule's requireSkill(skill) asks for.
            Integer level = colon < 0 ? Integer.valueOf(AgentValidation.MIN_LEVEL)
                    : integer(skill.substring(colon + 1).trim(), prefix + "skills." + name, problems);
            if (level != null) {
                skills.put(name, level);
            }
        }
        return skills;
    }

    private static Integer integer(String cell, String field, List<FieldProblem> problems) {
        if (cell == null) {
            return null;
        }
        try {
            return Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a whole number, was '" + cell + "'"));
            return null;
        }
    }

    /** Splits one CSV line; a cell in double quotes may hold commas, and "" is a quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.stream().map(String::strip).toList();
    }
}
