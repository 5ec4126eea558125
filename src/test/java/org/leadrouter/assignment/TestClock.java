package org.leadrouter.assignment;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock moved by hand: tests advance it past push timeouts and SLAs instead of sleeping. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends AssignmentClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }
}
