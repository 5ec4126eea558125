package org.leadrouter.replay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "leadrouter.replay")
public interface ReplayConfig {

    /** Whether a new version is replayed against recorded leads before it is promoted. */
    @WithDefault("true")
    boolean enabled();

    /** How many of the segment's most recent recorded leads a replay decides. */
    @WithDefault("500")
    int leads();

    /**
     * Wall-clock time the replay gate may spend deciding leads; past it the gate judges on the
     * (most recent) leads decided so far, so a reload's replay cannot crowd out live traffic.
     */
    @WithDefault("2s")
    Duration gateBudget();

    /** The most the fallback rate may rise, in percentage points, before the replay gate rejects. */
    @WithDefault("5")
    double maxFallbackRise();

    /**
     * The only place replay candidates are taken from ({@code {"folder": "name"}} is a folder under
     * it). Rule files are code: whoever can write here can run code in the service.
     */
    @WithDefault("candidates")
    Path candidatesDir();
}
