package org.leadrouter.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.leadrouter.rules.tables.DecisionTable;

/**
 * Turns Drools build errors into problems an analyst can act on: the file, line, column and rule
 * of a DRL file or the sheet and cell of a decision table, and a message in rule-writer's words
 * ("unknown field 'postcde' on Lead") rather than the expression compiler's.
 */
final class BuildErrors {

    private static final Pattern PARSER_POSITION = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    private static final Pattern PARSER_ERROR = Pattern.compile("\\[ERR \\d+]");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile(
            "The method (\\w+\\(.*?\\)) is undefined for the type (\\w+)");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved to a variable");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");
    /** Drools adds this after any parse error of a file; it says nothing the first error does not. */
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private BuildErrors() {
    }

    static List<RuleProblem> toProblems(Iterable<KnowledgeBuilderError> errors, Map<String, String> drlByFile,
                                        Map<String, DecisionTable> tables) {
        List<KnowledgeBuilderError> all = new ArrayList<>();
        errors.forEach(all::add);
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, List<DecisionTable.CompileError>> tableErrors = new LinkedHashMap<>();
        for (KnowledgeBuilderError error : all) {
            String file = fileOf(error);
            if (NULL_PACKAGE.equals(messageOf(error)) && all.stream().anyMatch(
                    other -> other != error && Objects.equals(fileOf(other), file))) {
                continue;
            }
            if (tables.containsKey(file)) {
                tableErrors.computeIfAbsent(file, f -> new ArrayList<>()).add(compileError(error));
            } else {
                problems.add(drlProblem(error, file, drlByFile.get(file)));
            }
        }
        tableErrors.forEach((file, list) -> problems.addAll(tables.get(file).locate(list)));
        return problems;
    }

    private static DecisionTable.CompileError compileError(KnowledgeBuilderError error) {
        String raw = messageOf(error);
        Integer line = lineOf(error, raw);
        Matcher unknownField = UNKNOWN_FIELD.matcher(raw);
        if (unknownField.find()) {
            return new DecisionTable.CompileError(line, "unknown field '" + unknownField.group(2) + "' on "
                    + unknownField.group(1), unknownField.group(2), null);
        }
        Matcher unresolved = UNRESOLVED.matcher(raw);
        String message = PARSER_ERROR.matcher(raw).find()
                ? "this does not read as rule code: look for a stray quote, bracket or operator"
                : unresolved.find() ? "'" + unresolved.group(1) + "' is not a value the code knows: a number is "
                        + "expected here, or the column's code must put text in quotes (\"$param\")"
                : analystMessage(raw);
        return new DecisionTable.CompileError(line, message, null, analystMessage(raw));
    }

    private static RuleProblem drlProblem(KnowledgeBuilderError error, String file, String drl) {
        String raw = messageOf(error);
        Integer line = lineOf(error, raw);
        Integer column = null;
        Matcher position = PARSER_POSITION.matcher(raw);
        if (position.find()) {
            // Drools counts columns from 0; editors count from 1.
            column = Integer.parseInt(position.group(2)) + 1;
        }
        Matcher unknownField = UNKNOWN_FIELD.matcher(raw);
        String field = unknownField.find() ? unknownField.group(2) : null;
        String message = field != null
                ? "unknown field '" + field + "' on " + unknownField.group(1)
                : analystMessage(raw);
        if (field != null && drl != null && line != null) {
            column = columnOf(drl, line, field);
        }
        String rule = drl == null || line == null ? null : ruleAt(drl, line);
        return new RuleProblem(file, line, column, null, null,
                rule == null || message.contains("\"" + rule + "\"") ? message : "rule '" + rule + "': " + message);
    }

    private static Integer lineOf(KnowledgeBuilderError error, String raw) {
        int[] lines = error.getLines();
        if (lines != null && lines.length > 0 && lines[0] > 0) {
            return lines[0];
        }
        Matcher position = PARSER_POSITION.matcher(raw);
        return position.find() ? Integer.valueOf(position.group(1)) : null;
    }

    /** The name of the rule a DRL line belongs to: the nearest rule header at or above it. */
    private static String ruleAt(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher header = RULE_HEADER.matcher(lines[i]);
            if (header.find()) {
                return header.group(1) != null ? header.group(1) : header.group(2) != null ? header.group(2) : header.group(3);
            }
            if (lines[i].strip().equals("end") && i < line - 1) {
                return null;
            }
        }
        return null;
    }

    /** Drops the expression compiler's caret and position lines, which point into rewritten text. */
    private static String analystMessage(String raw) {
        Matcher unknownMethod = UNKNOWN_METHOD.matcher(raw);
        if (unknownMethod.find()) {
            return "unknown method '" + unknownMethod.group(1) + "' on " + unknownMethod.group(2);
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.replaceFirst("^Rule Compilation error ", "").split("\n")) {
            String text = part.trim();
            if (text.isEmpty() || text.equals("^") || text.startsWith("[Near") || text.startsWith("[Line:")) {
                continue;
            }
            kept.add(text.startsWith("[Error:") && text.endsWith("]") ? text.substring(7, text.length() - 1).trim() : text);
        }
        return String.join(" ", kept);
    }

    private static Integer columnOf(String drl, int line, String field) {
        String[] lines = drl.split("\n", -1);
        if (line > lines.length) {
            return null;
        }
        Matcher word = Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(lines[line - 1]);
        return word.find() ? word.start() + 1 : null;
    }

    private static String fileOf(KnowledgeBuilderError error) {
        return error.getResource() == null ? null : error.getResource().getSourcePath();
    }

    private static String messageOf(KnowledgeBuilderError error) {
        return error.getMessage() == null ? "" : error.getMessage().trim();
    }
}
