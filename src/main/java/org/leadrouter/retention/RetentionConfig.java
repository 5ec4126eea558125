package org.leadrouter.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "leadrouter.retention")
public interface RetentionConfig {

    /**
     * How long recorded leads and their decisions, finished work items with their offers and
     * events, and the per-minute and hourly totals are kept (e.g. {@code 400d}); 0 keeps everything.
     */
    @WithDefault("0")
    Duration decisions();

    /** How often the background sweep looks for rows past the retention. */
    @WithDefault("10m")
    Duration interval();

    /** Rows deleted per transaction: small, so intake never waits long on the sweep. */
    @WithDefault("500")
    int batch();
}
