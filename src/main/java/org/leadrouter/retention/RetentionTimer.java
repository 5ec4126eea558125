package org.leadrouter.retention;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.background.DaemonTimer;

/**
 * Runs the retention sweep in the background every {@code leadrouter.retention.interval}, when
 * a retention is set: the database then stops growing once it holds that long a history.
 */
@ApplicationScoped
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class);

    private final RetentionConfig config;
    private final RetentionSweep sweep;
    private final AssignmentClock clock;
    private ScheduledExecutorService timer;

    public RetentionTimer(RetentionConfig config, RetentionSweep sweep, AssignmentClock clock) {
        this.config = config;
        this.sweep = sweep;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.decisions().isZero() || config.decisions().isNegative()) {
            LOG.info("recorded leads and decisions are kept for ever (leadrouter.retention.decisions=0)");
            return;
        }
        timer = DaemonTimer.start("retention", Duration.ZERO, config.interval(), this::sweep, LOG,
                "the retention sweep failed; it tries again at the next interval");
        LOG.infof("recorded leads and decisions older than %s are deleted every %s", config.decisions(), config.interval());
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweep() {
        RetentionSweep.Deleted deleted = sweep.sweep(clock.now().minus(config.decisions()), Math.max(1, config.batch()));
        if (deleted.leads() + deleted.workItems() + deleted.totals() > 0) {
            LOG.infof("retention: deleted %d leads, %d work items and %d rows of totals older than %s",
                    deleted.leads(), deleted.workItems(), deleted.totals(), config.decisions());
        }
    }
}
