package org.leadrouter.intake;

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
}
