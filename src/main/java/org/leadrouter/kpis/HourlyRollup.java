package org.leadrouter.kpis;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.db.Transactions;

/**
 * Rolls each hour, once it is over, into the hourly totals of time to assign, closed offers and
 * leads by fallback cause (V45), in the background and from the recorded rows, so the totals survive restarts and a
 * service that was down catches up. The gauge {@code leadrouter.kpis.rollup.lag} says how far
 * behind the last rolled hour is.
 */
@ApplicationScoped
public class HourlyRollup {

    private static final Logger LOG = Logger.getLogger(HourlyRollup.class);
    // An item is accepted and an offer closed with the clock's time and committed a moment later: an
    // hour is rolled only once this much has passed after it, so none of its rows is still on its way.
    private static final Duration SETTLE = Duration.ofMinutes(2);
    // Bounds a transaction when a long history is caught up.
    private static final int HOURS_A_TRANSACTION = 24;

    private final Transactions db;
    private final AssignmentClock clock;
    private final KpisConfig config;
    private final MeterRegistry registry;
    private volatile Instant rolledTo;
    private ScheduledExecutorService timer;

    public HourlyRollup(Transactions db, AssignmentClock clock, KpisConfig config, MeterRegistry registry) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent start) {
        Gauge.builder("leadrouter.kpis.rollup.lag", this, HourlyRollup::lagSeconds)
                .description("Seconds from the end of the last hour rolled up for the console's long windows to now")
                .baseUnit("seconds")
                .register(registry);
        long every = config.rollupInterval().toMillis();
        if (every <= 0) {
            LOG.info("KPI hours are not rolled up in the background (leadrouter.kpis.rollup-interval=0)");
            return;
        }
        timer = DaemonTimer.start("kpi-rollup", Duration.ZERO, config.rollupInterval(), this::rollUpLogged, LOG,
                "rolling up the KPI hours failed; long windows read the rows themselves until the next try");
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void rollUpLogged() {
        int hours = rollUp();
        if (hours > 0) {
            LOG.debugf("rolled up %d hour(s) of KPIs, to %s", hours, rolledTo);
        }
    }

    /** Rolls up every whole hour that is over and settled; answers how many. */
    public int rollUp() {
        Instant until = clock.now().minus(SETTLE).truncatedTo(ChronoUnit.HOURS);
        int total = 0;
        for (int rolled; (rolled = db.inTransaction(c -> rollSome(c, until))) > 0; ) {
            total += rolled;
        }
        return total;
    }

    /** Every hour before this is in the hourly totals; null when none is. */
    static Instant rolledTo(Connection c) throws SQLException {
        return rolledTo(c, "");
    }

    private static Instant rolledTo(Connection c, String lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT rolled_to FROM kpi_rollup WHERE id = 1" + lock);
             ResultSet row = select.executeQuery()) {
            return row.next() ? instant(row, "rolled_to") : null;
        }
    }

    private int rollSome(Connection c, Instant until) throws SQLException {
        Instant from = rolledTo(c, " FOR UPDATE");
        if (from == null) {
            from = firstHour(c, until);
        }
        int hours = 0;
        Instant hour = from;
        for (; hour.isBefore(until) && hours < HOURS_A_TRANSACTION; hour = hour.plus(Duration.ofHours(1)), hours++) {
            rollTimeToAssign(c, hour);
            rollOffers(c, hour);
            rollLeads(c, hour);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE kpi_rollup SET rolled_to = ? WHERE id = 1")) {
            setInstant(update, 1, hour);
            update.executeUpdate();
        }
        rolledTo = hour;
        return hours;
    }

    /** The hour of the oldest accepted item, closed offer or recorded lead; {@code until} when there is none. */
    private static Instant firstHour(Connection c, Instant until) throws SQLException {
        Instant first = until;
        for (String sql : new String[] {"SELECT MIN(accepted_at) AS first_at FROM work_items",
                "SELECT MIN(closed_at) AS first_at FROM offers", "SELECT MIN(minute_at) AS first_at FROM lead_minutes"}) {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                Instant at = row.next() ? instant(row, "first_at") : null;
                if (at != null && at.isBefore(first)) {
                    first = at.truncatedTo(ChronoUnit.HOURS);
                }
            }
        }
        return first;
    }

    private static void rollTimeToAssign(Connection c, Instant hour) throws SQLException {
        Map<String, Map<Long, Long>> counts = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(TimeToAssignReader.ACCEPTED_ITEMS)) {
            setInstant(select, 1, hour);
            setInstant(select, 2, hour.plus(Duration.ofHours(1)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.computeIfAbsent(rows.getString("segment"), s -> new TreeMap<>())
                            .merge(TimeToAssignReader.millis(rows), 1L, Long::sum);
                }
            }
        }
        insertPerSegment(c, "INSERT INTO assign_hours (hour_at, segment, millis, items) VALUES (?, ?, ?, ?)", hour, counts);
    }

    private static void rollOffers(Connection c, Instant hour) throws SQLException {
        OfferTotals totals = new OfferTotals();
        AcceptanceReader.addOffers(c, new WindowParts.Span(hour, hour.plus(Duration.ofHours(1))), totals);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO offer_hours (hour_at, dimension, name, accepted, declined, timed_out, withdrawn)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (OfferTotals.Dimension dimension : OfferTotals.Dimension.values()) {
                for (Map.Entry<String, OfferTally> e : totals.tallies(dimension).entrySet()) {
                    setInstant(insert, 1, hour);
                    insert.setString(2, dimension.name());
                    insert.setString(3, e.getKey());
                    insert.setLong(4, e.getValue().accepted());
                    insert.setLong(5, e.getValue().declined());
                    insert.setLong(6, e.getValue().timedOut());
                    insert.setLong(7, e.getValue().withdrawn());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        insertPerSegment(c, "INSERT INTO decline_hours (hour_at, segment, reason, declines) VALUES (?, ?, ?, ?)", hour,
                totals.declineReasons());
    }

    /** One row (hour, segment, key, count) per count of each segment, in one batch. */
    private static void insertPerSegment(Connection c, String insertSql, Instant hour,
                                         Map<String, ? extends Map<?, Long>> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(insertSql)) {
            for (Map.Entry<String, ? extends Map<?, Long>> segment : counts.entrySet()) {
                for (Map.Entry<?, Long> e : segment.getValue().entrySet()) {
                    setInstant(insert, 1, hour);
                    insert.setString(2, segment.getKey());
                    insert.setObject(3, e.getKey());
                    insert.setLong(4, e.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void rollLeads(Connection c, Instant hour) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO lead_hours (hour_at, segment, cause, leads)
                SELECT CAST(? AS TIMESTAMP WITH TIME ZONE), segment, cause, SUM(leads) FROM lead_minutes
                WHERE minute_at >= ? AND minute_at < ? GROUP BY segment, cause""")) {
            setInstant(insert, 1, hour);
            setInstant(insert, 2, hour);
            setInstant(insert, 3, hour.plus(Duration.ofHours(1)));
            insert.executeUpdate();
        }
    }

    private double lagSeconds() {
        Instant to = rolledTo;
        return to == null ? Double.NaN : Math.max(0, Duration.between(to, clock.now()).toSeconds());
    }
}
