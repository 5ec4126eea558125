package org.leadrouter.assignment.queues;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import org.leadrouter.assignment.queues.PolicySettings;

/**
 * How one queue offers work. {@code escalateTo} and {@code overflowTo} may be null (none);
 * {@code policy} says how agents are chosen and what else moves items (see PolicySettings); its
 * fields are shown beside the others, as the queue file has them.
 */
public record QueueSettings(String name, @JsonIgnore Duration pushTimeout, @JsonIgnore Duration sla,
                            EscalationTarget escalateTo, String overflowTo, boolean configured,
                            @JsonUnwrapped PolicySettings policy) {

    @JsonProperty
    public long pushTimeoutSeconds() {
        return pushTimeout.toSeconds();
    }

    @JsonProperty
    public long slaMinutes() {
        return sla.toMinutes();
    }
}
