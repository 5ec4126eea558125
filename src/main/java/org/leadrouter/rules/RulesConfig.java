package org.leadrouter.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "leadrouter.rules")
public interface RulesConfig {

    /** The rules root: one sub-folder per segment. Relative paths are from the working directory. */
    @WithDefault("rules")
    Path dir();

    /** Rule firings allowed for one lead before it counts as a runaway rule set. */
    @WithDefault("1000")
    int maxFirings();
}
