package org.leadrouter.rules;

import java.util.List;

/**
 * The outcome of compiling one segment folder: either the compiled rules, or the problems that
 * stopped them. The version is known either way, so a rejected attempt can be named.
 */
public record LoadResult(String segment, String version, List<String> files, SegmentRules rules,
                         List<RuleProblem> problems) {

    public static LoadResult loaded(SegmentRules rules) {
        return new LoadResult(rules.segment(), rules.version(), rules.files(), rules, List.of());
    }

    public static LoadResult rejected(String segment, String version, List<String> files, List<RuleProblem> problems) {
        return new LoadResult(segment, version, List.copyOf(files), null, List.copyOf(problems));
    }

    /** The folder could not even be listed or read; there is no content to name a version by. */
    public static LoadResult unreadable(String segment, RuntimeException e) {
        return rejected(segment, segment + "@unreadable", List.of(), List.of(RuleProblem.ofSegment(e.getMessage())));
    }

    public boolean ok() {
        return rules != null;
    }
}
