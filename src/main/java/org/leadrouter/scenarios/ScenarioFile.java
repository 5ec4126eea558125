package org.leadrouter.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.leadrouter.rules.RuleFiles;
import org.leadrouter.rules.RuleProblem;

/**
 * A segment's scenario file ({@code scenarios.csv} or {@code scenarios.xlsx}) read into
 * scenarios. A bad row does not stop the others: it becomes a problem naming the file and row.
 *
 * @param name      the file name, as problems cite it
 * @param scenarios the rows that are valid scenarios, in file order
 * @param problems  what is wrong with the file, its header or its rows
 */
public record ScenarioFile(String name, List<Scenario> scenarios, List<RuleProblem> problems) {

    /**
     * When a scenario does not say when its lead arrived. Fixed, so date rules ("contract ends
     * within 90 days") give the same answer every day the scenarios run.
     */
    public static final Instant DEFAULT_RECEIVED_AT = Instant.parse("2026-01-15T09:00:00Z");

    public ScenarioFile {
        scenarios = List.copyOf(scenarios);
        problems = List.copyOf(problems);
    }

    /** The scenario files of a segment folder (CSV and XLSX), sorted by name; lock files are not. */
    public static List<Path> in(Path segmentDir) {
        try (Stream<Path> files = Files.list(segmentDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> isScenarioFile(f.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario files of " + segmentDir.getFileName(), e);
        }
    }

    /** Reads every scenario file of a segment folder. */
    public static List<ScenarioFile> readAll(String segment, Path segmentDir) {
        return in(segmentDir).stream().map(file -> read(segment, file)).toList();
    }

    public static ScenarioFile read(String segment, Path file) {
        String name = file.getFileName().toString();
        List<TableRow> rows;
        try (InputStream in = Files.newInputStream(file)) {
            rows = name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? XlsxTable.read(in)
                    : CsvTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new ScenarioFile(name, List.of(), List.of(RuleProblem.inFile(name, "cannot be read: " + e.getMessage())));
        }
        return parse(name, segment, rows);
    }

    static ScenarioFile parse(String name, String segment, List<TableRow> rows) {
        List<TableRow> content = rows.stream().filter(r -> !r.isBlank()).toList();
        if (content.isEmpty()) {
            return new ScenarioFile(name, List.of(), List.of(RuleProblem.inFile(name, "has no header row and no scenarios")));
        }
        TableRow header = content.get(0);
        ScenarioColumns columns = ScenarioColumns.of(name, segment, DEFAULT_RECEIVED_AT, header);
        if (!columns.problems().isEmpty()) {
            List<RuleProblem> problems = columns.problems().stream()
                    .map(p -> rowProblem(name, header.number(), "header row " + header.number() + ": " + p))
                    .toList();
            return new ScenarioFile(name, List.of(), problems);
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (TableRow row : content.subList(1, content.size())) {
            try {
                scenarios.add(columns.scenario(row));
            } catch (IllegalArgumentException e) {
                problems.add(rowProblem(name, row.number(), e.getMessage()));
            }
        }
        if (scenarios.isEmpty() && problems.isEmpty()) {
            problems.add(RuleProblem.inFile(name, "has a header but no scenarios"));
        }
        return new ScenarioFile(name, scenarios, problems);
    }

    /** A problem on one row of the file: the row is the line of a CSV file and the row of a sheet. */
    static RuleProblem rowProblem(String file, int row, String message) {
        return new RuleProblem(file, row, null, null, null, message);
    }

    private static boolean isScenarioFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !RuleFiles.isIgnored(name) && RuleFiles.isScenarioFile(name)
                && (lower.endsWith(".csv") || lower.endsWith(".xlsx"));
    }
}
