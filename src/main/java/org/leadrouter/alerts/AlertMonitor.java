package org.leadrouter.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.work.WorkLedger;
import org.leadrouter.kpis.KpiBlocks;
import org.leadrouter.kpis.KpiService;
import org.leadrouter.kpis.KpiWindow;
import org.leadrouter.kpis.Kpis.Block;
import org.leadrouter.rules.SegmentRegistry;

/**
 * Checks the KPIs against their baselines now and then, and the segments for live rules failing a
 * gate, and keeps which alerts are active: one log
 * line when an alert starts and one when it clears, and a gauge {@code leadrouter.alerts.active}
 * (1 while active, 0 after) per alert kind, segment and queue.
 */
@ApplicationScoped
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class);

    private final KpiBlocks blocks;
    private final KpiService kpis;
    private final WorkLedger work;
    private final AssignmentClock clock;
    private final AssignmentConfig assignment;
    private final AlertsConfig config;
    private final AlertRules rules;
    private final MeterRegistry registry;
    private final SegmentRegistry segments;
    private final Map<String, Alert> active = new ConcurrentHashMap<>();
    private final Deque<Alert> cleared = new ArrayDeque<>();
    private final Map<String, Boolean> gauges = new HashMap<>();
    private ScheduledExecutorService timer;

    public AlertMonitor(KpiBlocks blocks, KpiService kpis, WorkLedger work, AssignmentClock clock,
                        AssignmentConfig assignment, AlertsConfig config, MeterRegistry registry, SegmentRegistry segments) {
        this.blocks = blocks;
        this.kpis = kpis;
        this.work = work;
        this.clock = clock;
        this.assignment = assignment;
        this.config = config;
        this.rules = new AlertRules(config);
        this.registry = registry;
        this.segments = segments;
    }

    void onStart(@Observes StartupEvent start) {
        long every = config.interval().toMillis();
        if (every <= 0) {
            LOG.info("alerts are not checked in the background (leadrouter.alerts.interval=0)");
            return;
        }
        timer = DaemonTimer.start("alert-monitor", config.interval(), config.interval(), this::check, LOG,
                "checking the KPIs for alerts failed; tried again at the next check");
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Checks every KPI now; starts and clears alerts. Synchronized: a check by hand may meet the background one. */
    public synchronized void check() {
        Instant now = clock.now();
        Instant recentStart = now.minus(config.recent());
        Map<String, Block> recent = new TreeMap<>();
        Map<String, Block> baseline = new TreeMap<>();
        blocks.windowBlocks(KpiWindow.of(recentStart, now, assignment.defaultTimeZone()), recent);
        blocks.windowBlocks(KpiWindow.of(recentStart.minus(config.baseline()), recentStart, assignment.defaultTimeZone()), baseline);
        Map<String, Alert> breaches = new TreeMap<>();
        rules.breaches(recent, baseline, kpis.waitingQueues(), work.passedOver(), now).forEach(a -> breaches.put(a.id(), a));
        rules.rulesFailing(segments.statuses()).forEach(a -> breaches.put(a.id(), a));
        for (Alert breach : breaches.values()) {
            Alert before = active.get(breach.id());
            if (before == null) {
                LOG.warnf("alert started: %s [%s]", breach.message(), breach.id());
                gauge(breach);
                active.put(breach.id(), breach);
            } else {
                active.put(breach.id(), before.updatedBy(breach));
            }
        }
        for (Alert alert : List.copyOf(active.values())) {
            if (!breaches.containsKey(alert.id())) {
                active.remove(alert.id());
                LOG.infof("alert cleared: %s [%s], active since %s", alert.message(), alert.id(), alert.since());
                cleared.addFirst(alert.clearedAt(now));
                while (cleared.size() > Math.max(0, config.clearedKept())) {
                    cleared.removeLast();
                }
            }
        }
    }

    /** Active alerts, oldest first. */
    public List<Alert> active() {
        List<Alert> alerts = new ArrayList<>(active.values());
        alerts.sort(Comparator.comparing(Alert::since).thenComparing(Alert::id));
        return alerts;
    }

    /** Active alerts, then those cleared recently, most recent first. */
    public synchronized List<Alert> activeAndCleared() {
        List<Alert> alerts = active();
        alerts.addAll(cleared);
        return alerts;
    }

    /** Registered once per alert id; reads 1 while the alert is active and 0 after it clears. */
    private void gauge(Alert alert) {
        if (gauges.putIfAbsent(alert.id(), Boolean.TRUE) == null) {
            String id = alert.id();
            Gauge.builder("leadrouter.alerts.active", active, a -> a.containsKey(id) ? 1 : 0)
                    .description("1 while the alert is active: a KPI outside its recent baseline")
                    .tag("kind", alert.kind().name())
                    .tag("segment", alert.segment() == null ? "" : alert.segment())
                    .tag("queue", alert.queue() == null ? "" : alert.queue())
                    .register(registry);
        }
    }
}
