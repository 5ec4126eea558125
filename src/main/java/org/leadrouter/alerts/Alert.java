package org.leadrouter.alerts;

import java.time.Instant;

/**
 * A KPI outside its baseline: {@code value} now, {@code baseline} before, {@code threshold} the
 * line it crossed. {@code segment} or {@code queue} says where; {@code clearedAt} is null while active.
 */
public record Alert(String id, AlertKind kind, String segment, String queue, Instant since, double value,
                    Double baseline, double threshold, String message, Instant clearedAt) {

    Alert updatedBy(Alert now) {
        return new Alert(id, kind, segment, queue, since, now.value(), now.baseline(), now.threshold(), now.message(), null);
    }

    Alert clearedAt(Instant at) {
        return new Alert(id, kind, segment, queue, since, value, baseline, threshold, message, at);
    }
}
