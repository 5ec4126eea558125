package org.leadrouter.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "leadrouter")
public interface RoutingConfig {

    /** Where a lead goes when its segment has no usable rules at all (unknown or never loaded). */
    @WithDefault("general-review")
    String fallbackQueue();

    Enrichment enrichment();

    interface Enrichment {
        /**
         * Postcode area to UK region reference file (CSV: area,region). Unset: the file shipped
         * in the jar. A file that cannot be read leaves every region UNKNOWN and marks leads degraded.
         */
        Optional<Path> postcodeAreas();
    }
}
