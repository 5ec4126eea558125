package org.leadrouter.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How leads are queued for the database. */
@ConfigMapping(prefix = "leadrouter.intake")
public interface IntakeConfig {

    /** Most leads written in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Leads accepted but not yet written; beyond this POST /leads answers 503 instead of queueing. */
    @WithDefault("10000")
    int queueCapacity();

    /**
     * How long the lead writer waits for more leads before a commit while leads arrive together
     * (its last commit held more than one); 0 commits at once. A commit on H2 rewrites pages of
     * every table and index a lead touches, so under load fewer, larger commits take less processor
     * time, at the price of up to this much more time to each answer (docs/performance.md).
     */
    @WithDefault("0ms")
    Duration gather();

    /** The journal that makes each batch durable on the embedded database (H2 only; see docs/operations.md). */
    Journal journal();

    interface Journal {

        /**
         * How often the database file is written and forced and the journal trimmed to what
         * follows: a restart after a crash records again at most this long a stretch of leads.
         * Keep it below {@code leadrouter.data.compaction.retention}.
         */
        @WithDefault("1s")
        Duration checkpointInterval();

        /** Each journal file's size, zero-filled when it is made (the next one ahead of time). */
        @WithDefault("64M")
        MemorySize segmentSize();
    }
}
