package org.leadrouter.assignment.queues;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a queue chooses among the agents who could take an item. */
public enum DistributionPolicy {
    /** Least loaded as a share of capacity, then longest idle. */
    LEAST_LOADED,
    /** The next agent after the one the queue offered last, in agent id order. */
    ROUND_ROBIN,
    /** The agent furthest below their weighted share of the queue's recent offers. */
    WEIGHTED;

    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<DistributionPolicy> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.fileName().equals(text)).findFirst();
    }
}
