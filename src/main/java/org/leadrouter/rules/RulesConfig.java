package org.leadrouter.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "leadrouter.rules")
public interface RulesConfig {

    /** The rules root: one sub-folder per segment. Relative paths are from the working directory. */
    @WithDefault("rules")
    Path dir();

    /** Rule firings allowed for one lead before it counts as a runaway rule set. */
    @WithDefault("1000")
    int maxFirings();

    /** Whether saved changes under the rules root are loaded without a restart. */
    @WithDefault("true")
    boolean watch();

    /** How long a segment's folder must be quiet before it is reloaded; editors save in bursts. */
    @WithDefault("300ms")
    Duration debounce();

    /**
     * How long the rules may take over one lead (in a gate, a replay or a live decision) before the
     * evaluation is stopped, the lead gets its segment's fallback and the version is quarantined.
     */
    @WithDefault("200ms")
    Duration deadline();

    /**
     * Whether HotSpot's optimising JIT compiler is kept off the code that only compiles rules, so
     * that a reload does not set the JIT compiling parsers at normal priority beside the decisions.
     */
    @WithDefault("true")
    boolean limitCompilerJit();

    /** Good versions kept in memory per segment (the active one included), for rollback. */
    @WithDefault("5")
    int historySize();

    /** What the scenarios gate does with rules no scenario fires: report them (warn) or reject the version (strict). */
    @WithDefault("warn")
    CoverageGate coverageGate();

    enum CoverageGate {
        /** Rules no scenario fires are reported with the version, which is promoted. */
        WARN,
        /** A version with a rule no scenario fires is rejected: every rule must be tested. */
        STRICT
    }
}
