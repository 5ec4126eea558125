package org.leadrouter.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which files in a segment folder are rules. Editors leave lock and temporary files beside the
 * ones being edited (Excel's {@code ~$name.xlsx}, LibreOffice's {@code .~lock.name#}, vim's
 * swap files); those are never rules. Analysts park work in progress as drafts: a file with
 * {@code .draft.} in its name ({@code routing.draft.drl.xlsx}) or anything in a {@code drafts}
 * folder, which is never read (only a segment folder's own files are) and never taken for a
 * segment. Scenario files sit beside the rules but are test data.
 */
public final class RuleFiles {

    public enum Kind { DRL, XLSX, XLS, CSV }

    /** The folder analysts keep unfinished rule files in. */
    public static final String DRAFTS = "drafts";

    private RuleFiles() {
    }

    public static boolean isIgnored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.startsWith("~") || lower.endsWith("~") || lower.endsWith("#")
                || lower.endsWith(".tmp") || lower.endsWith(".swp") || lower.endsWith(".bak")
                || lower.contains(".draft.") || lower.equals(DRAFTS);
    }

    public static boolean isScenarioFile(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("scenarios.");
    }

    /** The kind of rule file, or null for a file that is not a rule file. */
    public static Kind kindOf(String name) {
        if (isIgnored(name) || isScenarioFile(name)) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        if (lower.endsWith(".xlsx")) {
            return Kind.XLSX;
        }
        if (lower.endsWith(".xls")) {
            return Kind.XLS;
        }
        // A plain .csv could be anything (scenarios, reference data); only .drl.csv is a table.
        if (lower.endsWith(".drl.csv")) {
            return Kind.CSV;
        }
        return null;
    }

    /** The rule files of a folder, by name, with their content; sorted so the version is stable. */
    public static Map<String, byte[]> read(Path dir) {
        return read(dir, name -> kindOf(name) != null);
    }

    /** The scenario files of a folder, by name, with their content; what the rules are checked against. */
    public static Map<String, byte[]> scenarios(Path dir) {
        return read(dir, name -> !isIgnored(name) && isScenarioFile(name));
    }

    private static Map<String, byte[]> read(Path dir, Predicate<String> wanted) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (wanted.test(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir.getFileName(), e);
        }
        return files;
    }
}
