package org.leadrouter.kpis;

import java.util.Map;

/** One figure for all segments and for each segment. */
record PerSegment<T>(T overall, Map<String, T> segments) {

    T of(String segment) {
        return segments.get(segment);
    }
}
