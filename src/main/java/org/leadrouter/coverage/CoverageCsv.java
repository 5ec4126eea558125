package org.leadrouter.coverage;

/** Coverage as CSV for a spreadsheet: one line per rule, RFC 4180 quoting. */
final class CoverageCsv {

    static final String HEADER = "rule,fired,routed,accepted,acceptance_rate,last_fired";

    private CoverageCsv() {
    }

    static String write(Coverage coverage) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (RuleCoverage rule : coverage.rules()) {
            csv.append(quote(rule.rule())).append(',').append(rule.fired()).append(',').append(rule.routed()).append(',')
                    .append(rule.accepted()).append(',').append(rule.acceptanceRate() == null ? "" : rule.acceptanceRate())
                    .append(',').append(rule.lastFired() == null ? "" : rule.lastFired()).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(String text) {
        boolean plain = text.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
