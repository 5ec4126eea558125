package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.db.Database;

class JournalledBatchesTest {

    private static final IntakeConfig.Journal HOURLY = LeadRecorderTest.config(1, 1, Duration.ZERO, Duration.ofHours(1),
            new MemorySize(BigInteger.valueOf(1 << 20))).journal();

    @TempDir
    Path dir;

    @Test
    void aBatchTheJournalCannotTakeIsForcedIntoTheDatabaseFileInstead() throws Exception {
        Path running = dir.resolve("running");
        LeadStore store = new LeadStore(TestDatabases.h2WrittenHourly(running, true), Database.H2);
        JournalledBatches batches = JournalledBatches.replayed(store, running.resolve("journal"), HOURLY, batch -> 0);
        // Closed: every append fails from here on.
        batches.close();
        LeadRecord leftToTheJournal = Leads.record("committed-only", "insurance");
        store.commit(List.of(leftToTheJournal), (c, created) -> { }, new IdentityHashMap<>());
        TestDatabases.copyFolder(running, dir.resolve("before"));

        LeadRecord forced = Leads.record("forced", "insurance");
        store.commit(List.of(forced), (c, created) -> { }, new IdentityHashMap<>());
        batches.persist(List.of(forced), Map.of());
        TestDatabases.copyFolder(running, dir.resolve("after"));

        assertTrue(new LeadStore(TestDatabases.h2WrittenHourly(dir.resolve("before"), false), Database.H2)
                .find("committed-only").isEmpty(), "a commit alone is in the file: the fallback is not what this tests");
        assertEquals(forced, new LeadStore(TestDatabases.h2WrittenHourly(dir.resolve("after"), false), Database.H2)
                .find("forced").orElseThrow());
    }

    @Test
    void theCheckpointAgeGrowsUntilACheckpointSucceeds() throws Exception {
        Path running = dir.resolve("running");
        LeadStore store = new LeadStore(TestDatabases.h2WrittenHourly(running, true), Database.H2);
        IntakeConfig.Journal often = LeadRecorderTest.config(1, 1, Duration.ZERO, Duration.ofMillis(50),
                new MemorySize(BigInteger.valueOf(1 << 20))).journal();
        JournalledBatches hourly = JournalledBatches.replayed(store, running.resolve("hourly"), HOURLY, batch -> 0);
        JournalledBatches frequent = JournalledBatches.replayed(store, running.resolve("often"), often, batch -> 0);
        try {
            Duration before = hourly.sinceCheckpoint();
            Thread.sleep(1000);

            assertTrue(hourly.sinceCheckpoint().compareTo(before.plusMillis(1000)) >= 0, "no checkpoint for an hour");
            assertTrue(frequent.sinceCheckpoint().compareTo(hourly.sinceCheckpoint()) < 0,
                    "checkpoints every 50 ms: " + frequent.sinceCheckpoint() + " since the last");
        } finally {
            hourly.close();
            frequent.close();
        }
    }
}
