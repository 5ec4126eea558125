package org.leadrouter.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time assignment runs on: working hours, push timeouts and SLAs all read it, so tests
 * can move time instead of sleeping. Microseconds, because that is what the database keeps.
 */
@ApplicationScoped
public class AssignmentClock {

    private final Clock clock;

    public AssignmentClock() {
        this(Clock.systemUTC());
    }

    protected AssignmentClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
