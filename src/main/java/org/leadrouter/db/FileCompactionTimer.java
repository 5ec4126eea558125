package org.leadrouter.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;

/**
 * Runs compaction steps on the embedded database, paced by {@code leadrouter.data.compaction.interval}.
 * PostgreSQL reclaims the space of old row versions itself (autovacuum): nothing runs for it.
 */
@ApplicationScoped
public class FileCompactionTimer {

    private static final Logger LOG = Logger.getLogger(FileCompactionTimer.class);

    private final DataConfig config;
    private final Transactions db;
    private ScheduledExecutorService timer;

    public FileCompactionTimer(DataConfig config, Transactions db) {
        this.config = config;
        this.db = db;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.database() != Database.H2) {
            return;
        }
        DataConfig.Compaction settings = config.compaction();
        FileCompactor compactor = new FileCompactor(db.dataSource(), settings);
        if (!compactor.prepare()) {
            return;
        }
        if (settings.interval().isZero() || settings.interval().isNegative()) {
            LOG.warn("the database file is not compacted while the service runs (leadrouter.data.compaction.interval=0):"
                    + " it grows by many times the rows it holds");
            return;
        }
        timer = DaemonTimer.startPaced("file-compaction", settings.interval(), compactor::step, settings.interval(), LOG,
                "a compaction step of the database file failed; it tries again at the next interval");
    }

    @PreDestroy
    void stop() {
        // Not shutdownNow: an interrupt during a file write closes H2's file channel under the database.
        if (timer != null) {
            timer.shutdown();
        }
    }
}
