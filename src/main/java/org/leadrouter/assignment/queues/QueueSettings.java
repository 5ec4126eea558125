package org.leadrouter.assignment.queues;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/** How one queue offers work. {@code escalateTo} and {@code overflowTo} may be null (none). */
public record QueueSettings(String name, @JsonIgnore Duration pushTimeout, @JsonIgnore Duration sla,
                            EscalationTarget escalateTo, String overflowTo, boolean configured) {

    public long pushTimeoutSeconds() {
        return pushTimeout.toSeconds();
    }

    public long slaMinutes() {
        return sla.toMinutes();
    }
}
