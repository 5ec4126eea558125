package org.leadrouter.coverage;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.leadrouter.db.Transactions;
import org.leadrouter.kpis.KpiWindow;
import org.leadrouter.kpis.Kpis.WindowView;
import org.leadrouter.rules.SegmentRules;

/**
 * Reads rule coverage: firings from the per-minute rule totals the lead writer keeps (whole
 * minutes, like the fallback volume), routed and accepted leads from the segment's work items.
 */
@ApplicationScoped
public class CoverageReport {

    private final Transactions db;

    public CoverageReport(Transactions db) {
        this.db = db;
    }

    public Coverage coverage(String segment, Optional<SegmentRules> active, KpiWindow window) {
        return db.inTransaction(c -> {
            Map<String, Fired> fired = fired(c, segment, window);
            Map<String, long[]> routed = routed(c, segment, window);
            TreeSet<String> names = new TreeSet<>(fired.keySet());
            active.ifPresent(rules -> names.addAll(rules.ruleNames()));
            List<RuleCoverage> rules = new ArrayList<>();
            for (String name : names) {
                Fired f = fired.getOrDefault(name, new Fired(0, null));
                long[] r = routed.getOrDefault(name, new long[2]);
                rules.add(new RuleCoverage(name, f.count(), r[0], r[1], r[0] == 0 ? null : (double) r[1] / r[0], f.last()));
            }
            rules.sort(Comparator.comparingLong(RuleCoverage::fired).reversed().thenComparing(RuleCoverage::rule));
            List<String> neverFired = active.map(SegmentRules::ruleNames).orElse(List.of()).stream()
                    .filter(name -> !fired.containsKey(name)).sorted().toList();
            return new Coverage(segment, active.map(SegmentRules::version).orElse(null),
                    new WindowView(window.from(), window.to(), window.bucket().toString()), leads(c, segment, window),
                    rules, neverFired);
        });
    }

    private static Map<String, Fired> fired(Connection c, String segment, KpiWindow window) throws SQLException {
        Map<String, Fired> fired = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT rule, SUM(fired) AS fired, MAX(last_fired_at) AS last_fired_at FROM rule_minutes
                WHERE segment = ? AND minute_at >= ? AND minute_at < ? GROUP BY rule""")) {
            bind(select, segment, window.from().truncatedTo(ChronoUnit.MINUTES), window.to());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fired.put(rows.getString("rule"), new Fired(rows.getLong("fired"), instant(rows, "last_fired_at")));
                }
            }
        }
        return fired;
    }

    private static Map<String, long[]> routed(Connection c, String segment, KpiWindow window) throws SQLException {
        Map<String, long[]> routed = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT routing_rule, COUNT(*) AS routed, COUNT(accepted_at) AS accepted FROM work_items
                WHERE segment = ? AND routed_at >= ? AND routed_at < ? AND routing_rule IS NOT NULL GROUP BY routing_rule""")) {
            bind(select, segment, window.from(), window.to());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    routed.put(rows.getString("routing_rule"), new long[] {rows.getLong("routed"), rows.getLong("accepted")});
                }
            }
        }
        return routed;
    }

    private static long leads(Connection c, String segment, KpiWindow window) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COALESCE(SUM(leads), 0) FROM lead_minutes WHERE segment = ? AND minute_at >= ? AND minute_at < ?")) {
            bind(select, segment, window.from().truncatedTo(ChronoUnit.MINUTES), window.to());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement select, String segment, Instant from, Instant to) throws SQLException {
        select.setString(1, segment);
        setInstant(select, 2, from);
        setInstant(select, 3, to);
    }

    private record Fired(long count, Instant last) {
    }
}
