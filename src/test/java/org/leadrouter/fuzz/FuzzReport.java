package org.leadrouter.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run saw: answers by endpoint and class, and every failed check with a sample. */
final class FuzzReport {

    /** One failed check: what was wrong (a 5xx, a 4xx without a problem body, a lost lead...). */
    record Failure(Endpoint endpoint, String check, int status, String sample) {
    }

    private static final int SAMPLES_PER_GROUP = 3;

    private final String database;
    private final Map<Endpoint, int[]> answers = new EnumMap<>(Endpoint.class);
    private final List<Failure> failures = new ArrayList<>();

    FuzzReport(String database) {
        this.database = database;
    }

    /** Counts an answer by class: 2xx, 3xx, 4xx, 5xx, or none (status 0). */
    synchronized void answered(Endpoint endpoint, int status) {
        answers.computeIfAbsent(endpoint, e -> new int[6])[Math.min(status / 100, 5)]++;
    }

    synchronized void failed(Endpoint endpoint, String check, int status, String sample) {
        failures.add(new Failure(endpoint, check, status, sample));
    }

    synchronized boolean clean() {
        return failures.isEmpty();
    }

    synchronized int sent() {
        return answers.values().stream().mapToInt(counts -> Arrays.stream(counts).sum()).sum();
    }

    /**
     * Answers per endpoint (other: no answer, 1xx or 3xx), then the failures grouped by endpoint,
     * check and status, with a few samples of each group.
     */
    synchronized String summary() {
        StringBuilder out = new StringBuilder("fuzz run on ").append(database).append(": ").append(sent())
                .append(" requests, ").append(failures.size()).append(" failed checks\n");
        out.append(String.format("%-12s %7s %7s %7s %7s %7s%n", "endpoint", "sent", "2xx", "4xx", "5xx", "other"));
        answers.forEach((endpoint, counts) -> out.append(String.format("%-12s %7d %7d %7d %7d %7d%n", endpoint,
                Arrays.stream(counts).sum(), counts[2], counts[4], counts[5], counts[0] + counts[1] + counts[3])));
        Map<String, List<Failure>> groups = new TreeMap<>();
        for (Failure failure : failures) {
            String key = String.format("%-12s %-45s %s", failure.endpoint(), failure.check(),
                    failure.status() == 0 ? "no answer" : Integer.toString(failure.status()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(failure);
        }
        groups.forEach((key, group) -> {
            out.append(key).append(" ×").append(group.size()).append('\n');
            group.stream().limit(SAMPLES_PER_GROUP).forEach(failure -> out.append("    ").append(failure.sample()).append('\n'));
        });
        return out.toString();
    }
}
