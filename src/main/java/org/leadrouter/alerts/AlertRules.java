package org.leadrouter.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadrouter.assignment.work.PassedOver;
import org.leadrouter.kpis.Kpis.Block;
import org.leadrouter.kpis.Kpis.QueueSla;
import org.leadrouter.rules.SegmentStatus;

/** Which KPIs are outside their baseline now, by the configured thresholds. No state: the monitor keeps that. */
final class AlertRules {

    private final AlertsConfig config;

    AlertRules(AlertsConfig config) {
        this.config = config;
    }

    List<Alert> breaches(Map<String, Block> recent, Map<String, Block> baseline, List<QueueSla> queues,
                         List<PassedOver> passedOver, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        recent.forEach((segment, block) -> {
            Block before = baseline.get(segment);
            fallback(segment, block, before, now, alerts);
            acceptance(segment, block, before, now, alerts);
            timeToAssign(segment, block, before, now, alerts);
        });
        for (QueueSla queue : queues) {
            if (queue.breached()) {
                alerts.add(new Alert(AlertKind.QUEUE_SLA.slug() + ":" + queue.queue(), AlertKind.QUEUE_SLA, queue.segment(),
                        queue.queue(), now, queue.oldestWaitingSeconds(), null, queue.slaSeconds(),
                        "%s: the oldest waiting lead has waited %s, past the %s SLA".formatted(queue.queue(),
                                human(queue.oldestWaitingSeconds()), human(queue.slaSeconds())), null));
            }
        }
        for (PassedOver p : passedOver) {
            alerts.add(new Alert(AlertKind.ESCALATION_REFUSED.slug() + ":" + p.queue(), AlertKind.ESCALATION_REFUSED, null,
                    p.queue(), now, p.items(), null, 0,
                    "%s: %d escalated lead(s) passed over by the escalation target (refused, or nobody there), not yet accepted"
                            .formatted(p.queue(), p.items()), null));
        }
        return alerts;
    }

    /** The segments' own alerts (live rules failing a gate), as alerts: value is the number of problems. */
    List<Alert> rulesFailing(List<SegmentStatus> segments) {
        List<Alert> alerts = new ArrayList<>();
        for (SegmentStatus segment : segments) {
            for (SegmentStatus.Alert failing : segment.alerts()) {
                alerts.add(new Alert(AlertKind.RULES_GATE.slug() + ":" + segment.name(), AlertKind.RULES_GATE,
                        segment.name(), null, failing.since(), failing.problems().size(), null, 0,
                        segment.name() + ": " + failing.message(), null));
            }
        }
        return alerts;
    }

    private void fallback(String segment, Block recent, Block before, Instant now, List<Alert> alerts) {
        Double share = recent.fallback().share();
        if (share == null || recent.fallback().fallback() < config.fallbackMinCount()) {
            return;
        }
        double baseline = before == null || before.fallback().share() == null ? 0 : before.fallback().share();
        double threshold = Math.max(baseline * config.fallbackFactor(), config.fallbackMinShare());
        if (share > threshold) {
            alerts.add(alert(AlertKind.FALLBACK_SHARE, segment, now, share, baseline, threshold,
                    "%s: %s of leads fallback-routed in the last %s, %s over the last %s".formatted(segment, percent(share),
                            human(config.recent().toSeconds()), percent(baseline), human(config.baseline().toSeconds()))));
        }
    }

    private void acceptance(String segment, Block recent, Block before, Instant now, List<Alert> alerts) {
        Double rate = recent.acceptance().rate();
        Double baseline = before == null ? null : before.acceptance().rate();
        if (rate == null || baseline == null || recent.acceptance().offers() < config.acceptanceMinOffers()) {
            return;
        }
        double threshold = baseline * config.acceptanceFactor();
        if (rate < threshold) {
            alerts.add(alert(AlertKind.ACCEPTANCE_RATE, segment, now, rate, baseline, threshold,
                    "%s: %s of offers accepted in the last %s, %s over the last %s".formatted(segment, percent(rate),
                            human(config.recent().toSeconds()), percent(baseline), human(config.baseline().toSeconds()))));
        }
    }

    private void timeToAssign(String segment, Block recent, Block before, Instant now, List<Alert> alerts) {
        Long p90 = recent.timeToAssign().p90Ms();
        Long baseline = before == null ? null : before.timeToAssign().p90Ms();
        if (p90 == null || baseline == null || recent.timeToAssign().count() < config.timeToAssignMinCount()) {
            return;
        }
        double threshold = baseline * config.timeToAssignFactor();
        if (p90 > threshold) {
            alerts.add(alert(AlertKind.TIME_TO_ASSIGN, segment, now, p90, (double) baseline, threshold,
                    "%s: 90%% of leads assigned within %s in the last %s, within %s over the last %s".formatted(segment,
                            human(p90 / 1000), human(config.recent().toSeconds()), human(baseline / 1000),
                            human(config.baseline().toSeconds()))));
        }
    }

    private static Alert alert(AlertKind kind, String segment, Instant now, double value, double baseline, double threshold,
                               String message) {
        return new Alert(kind.slug() + ":" + segment, kind, segment, null, now, value, baseline, threshold, message, null);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** 45 s, 15 min, 2 h 5 min, 24 h. */
    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return d.toMinutes() + " min";
        }
        return d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
