package org.leadrouter.intake;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gauge {@code leadrouter.intake.journal.checkpoint.age}: a checkpoint that keeps failing
 * (a full disk, a database file that cannot be written) leaves the journal to grow, and says so
 * only in the log otherwise.
 */
@ApplicationScoped
class JournalGauge {

    void onStart(@Observes StartupEvent start, LeadRecorder recorder, MeterRegistry registry) {
        Gauge.builder("leadrouter.intake.journal.checkpoint.age", recorder, LeadRecorder::secondsSinceJournalCheckpoint)
                .description("Seconds since the intake journal's last checkpoint (embedded database; NaN on others)")
                .baseUnit("seconds")
                .register(registry);
    }
}
