package org.leadrouter.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns Drools build errors into problems an analyst can act on: the file, line and column of a
 * DRL file or the sheet and cell of a decision table, and a message in rule-writer's words
 * ("unknown field 'postcde' on Lead") rather than the expression compiler's.
 */
final class BuildErrors {

    private static final Pattern PARSER_POSITION = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile(
            "The method (\\w+\\(.*?\\)) is undefined for the type (\\w+)");
    /** Drools adds this after any parse error of a file; it says nothing the first error does not. */
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private BuildErrors() {
    }

    static List<RuleProblem> toProblems(Iterable<KnowledgeBuilderError> errors, Map<String, String> drlByFile,
                                        Map<String, DecisionTableSource> tables) {
        List<KnowledgeBuilderError> all = new ArrayList<>();
        errors.forEach(all::add);
        List<RuleProblem> problems = new ArrayList<>();
        for (KnowledgeBuilderError error : all) {
            String file = fileOf(error);
            if (NULL_PACKAGE.equals(messageOf(error)) && all.stream().anyMatch(
                    other -> other != error && java.util.Objects.equals(fileOf(other), file))) {
                continue;
            }
            problems.add(toProblem(error, file, drlByFile.get(file), tables.get(file)));
        }
        return problems;
    }

    private static RuleProblem toProblem(KnowledgeBuilderError error, String file, String drl, DecisionTableSource table) {
        String raw = messageOf(error);
        int[] lines = error.getLines();
        Integer line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : null;
        Integer column = null;
        Matcher position = PARSER_POSITION.matcher(raw);
        if (position.find()) {
            line = line == null ? Integer.valueOf(position.group(1)) : line;
            // Drools counts columns from 0; editors count from 1.
            column = Integer.parseInt(position.group(2)) + 1;
        }
        Matcher unknownField = UNKNOWN_FIELD.matcher(raw);
        String field = unknownField.find() ? unknownField.group(2) : null;
        String message = field != null
                ? "unknown field '" + field + "' on " + unknownField.group(1)
                : analystMessage(raw);
        if (table != null) {
            return table.locate(line, message, field);
        }
        if (field != null && drl != null && line != null) {
            column = columnOf(drl, line, field);
        }
        return new RuleProblem(file, line, column, null, null, message);
    }

    /** Drops the expression compiler's caret and position lines, which point into rewritten text. */
    private static String analystMessage(String raw) {
        Matcher unknownMethod = UNKNOWN_METHOD.matcher(raw);
        if (unknownMethod.find()) {
            return "unknown method '" + unknownMethod.group(1) + "' on " + unknownMethod.group(2);
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("\n")) {
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
