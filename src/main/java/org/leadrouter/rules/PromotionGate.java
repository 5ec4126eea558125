package org.leadrouter.rules;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A check a compiled version must pass before it decides leads. Compiling (with the catch-all
 * check) is the first gate and is not one of these; the others are CDI beans of this type, run
 * in {@link #order()} after a version compiles, and a version that fails any gate is rejected
 * while the segment keeps its last good version.
 *
 * <p>Gates run on the reload thread, never on a request; they may evaluate the candidate as
 * often as they like (each evaluation is independent) but must not keep it.
 */
public interface PromotionGate {

    /** A short name analysts see beside the gate's findings: "scenarios", "replay". */
    String name();

    /** Gates run in ascending order, so cheap, decisive checks go first. */
    default int order() {
        return 100;
    }

    /**
     * Whether the gate reads files of the folder other than the rules (scenarios). When only those
     * change, such gates re-run against the active version, so what they find is reported at once
     * rather than held against the next, unrelated change to the rules.
     */
    default boolean readsFolder() {
        return false;
    }

    /**
     * @param segment   the segment being reloaded
     * @param folder    the segment's folder (scenario and other non-rule files live there)
     * @param candidate the compiled version asking to be promoted
     * @param active    the version deciding leads now, if any (to compare against)
     */
    GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active);
}
