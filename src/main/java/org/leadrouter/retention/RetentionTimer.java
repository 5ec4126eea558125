package org.leadrouter.retention;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentClock;

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
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "retention");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepSafely, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("recorded leads and decisions older than %s are deleted every %s", config.decisions(), config.interval());
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweepSafely() {
        try {
            RetentionSweep.Deleted deleted = sweep.sweep(clock.now().minus(config.decisions()), Math.max(1, config.batch()));
            if (deleted.leads() + deleted.workItems() + deleted.totals() > 0) {
                LOG.infof("retention: deleted %d leads, %d work items and %d rows of totals older than %s",
                        deleted.leads(), deleted.workItems(), deleted.totals(), config.decisions());
            }
        } catch (RuntimeException e) {
            LOG.warn("the retention sweep failed; it tries again at the next interval", e);
        }
    }
}
