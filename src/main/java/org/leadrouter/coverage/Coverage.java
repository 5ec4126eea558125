package org.leadrouter.coverage;

import java.util.List;
import org.leadrouter.kpis.Kpis.WindowView;

/**
 * Rule coverage of a segment over a window: every rule that fired or belongs to the active version,
 * most fired first, and the active version's rules that never fired.
 */
public record Coverage(String segment, String version, WindowView window, long leads, List<RuleCoverage> rules,
                       List<String> neverFired) {
}
