package org.leadrouter.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How leads are queued for the database. */
@ConfigMapping(prefix = "leadrouter.intake")
public interface IntakeConfig {

    /** Most leads written in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** Leads accepted but not yet written; beyond this POST /leads answers 503 instead of queueing. */
    @WithDefault("10000")
    int queueCapacity();
}
