package org.leadrouter.kpis;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "leadrouter.kpis")
public interface KpisConfig {

    /** How often whole hours are rolled up into the hourly totals long windows read; 0 turns it off. */
    Duration rollupInterval();
}
