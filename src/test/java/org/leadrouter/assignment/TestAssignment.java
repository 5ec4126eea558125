package org.leadrouter.assignment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.leadrouter.assignment.agents.AgentDirectory;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.agents.AgentValidation;
import org.leadrouter.assignment.offering.AgentChanges;
import org.leadrouter.assignment.offering.Assigner;
import org.leadrouter.assignment.offering.AssignmentDispatcher;
import org.leadrouter.assignment.offering.AssignmentScheduler;
import org.leadrouter.assignment.offering.Supervision;
import org.leadrouter.assignment.policies.Distribution;
import org.leadrouter.assignment.policies.PolicyStore;
import org.leadrouter.assignment.policies.SkillRelaxation;
import org.leadrouter.assignment.policies.WaitOverflow;
import org.leadrouter.assignment.policies.WaitingItems;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.WorkEvent;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Database;
import org.leadrouter.db.Transactions;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.intake.TestDatabases;
import org.leadrouter.metrics.AssignmentMetrics;

/**
 * Assignment wired by hand over a real database, for tests that need no HTTP: the same objects
 * the service builds, a test clock, and queue settings written to a file as an operator would.
 */
public final class TestAssignment {

    public static final Duration PUSH_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration SLA = Duration.ofMinutes(30);
    public static final int MAX_ATTEMPTS = 3;
    public static final List<String> ALWAYS = List.of("MON-SUN 00:00-24:00");
    public static final String REVIEW_QUEUE = "general-review";

    public final DataSource dataSource;
    public final TestClock clock = new TestClock();
    public final Transactions db;
    public final WorkStore work = new WorkStore();
    public final AgentStore agents = new AgentStore();
    public final PolicyStore policies = new PolicyStore();
    public final QueueCatalog queues;
    public final Assigner assigner;
    public final Supervision supervision;
    public final AgentDirectory directory;
    public final LeadStore leads;
    public final AssignmentDispatcher dispatcher;
    public final AssignmentScheduler scheduler;

    public TestAssignment(DataSource dataSource, String queuesJson) {
        this(dataSource, queuesJson, true);
    }

    /** {@code offerWithLead}: leadrouter.assignment.offer-with-lead, on as for H2 unless given. */
    public TestAssignment(DataSource dataSource, String queuesJson, boolean offerWithLead) {
        this.dataSource = dataSource;
        this.db = new Transactions(dataSource);
        AssignmentConfig config = config(queuesFile(queuesJson), offerWithLead);
        this.queues = new QueueCatalog(config);
        AssignmentMetrics metrics = new AssignmentMetrics(new SimpleMeterRegistry());
        Distribution distribution = new Distribution(policies, work, queues);
        this.assigner = new Assigner(db, agents, work, queues, clock, config, metrics, distribution);
        this.supervision = new Supervision(db, work, agents, queues, assigner, clock, metrics, distribution);
        AgentChanges changes = new AgentChanges(assigner);
        this.directory = new AgentDirectory(db, agents, work, new AgentValidation(config), config, clock, changes::on);
        this.leads = new LeadStore(dataSource, Database.H2);
        this.dispatcher = new AssignmentDispatcher(assigner, db, leads, work, config);
        WaitingItems waiting = new WaitingItems(db, work, queues, clock);
        this.scheduler = new AssignmentScheduler(assigner, dispatcher, db, work, agents, clock, config,
                new WaitOverflow(waiting, policies), new SkillRelaxation(waiting, policies));
    }

    /** An agent who works every hour of every day. */
    public void agent(String id, List<String> queues, Map<String, Integer> skills, int capacity, String presence) {
        directory.save(id, new AgentProfile(null, id, null, queues, skills, capacity, null, ALWAYS, presence));
    }

    /** Makes a work item now (priority 3, score 10), not yet offered; returns its id. */
    public String enqueue(String queue, Map<String, Integer> skills, Set<String> matchKeys) {
        String id = "lead-" + UUID.randomUUID();
        Instant now = clock.now();
        assigner.enqueue(List.of(new NewWork(id, "insurance", queue, skills, 3, 10, "Rule", false, now, now, matchKeys)));
        return id;
    }

    public WorkItem item(String id) {
        return db.inTransaction(c -> work.find(c, id)).orElseThrow();
    }

    public List<WorkEvent> history(String id) {
        return db.inTransaction(c -> work.history(c, work.find(c, id).orElseThrow()));
    }

    /** How many rows of {@code table} (a fixed name, never input) belong to the work item. */
    public int rowsOf(String table, String workId) {
        return db.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE work_id = ?")) {
                select.setString(1, workId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** A fresh in-memory H2 database with every migration applied. */
    public static DataSource h2() {
        return TestDatabases.h2();
    }

    private static Path queuesFile(String json) {
        try {
            Path file = Files.createTempFile("queues", ".json");
            Files.writeString(file, json);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AssignmentConfig config(Path queues, boolean offerWithLead) {
        return new AssignmentConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Path queuesFile() {
                return queues;
            }

            @Override
            public Optional<Path> rosterFile() {
                return Optional.empty();
            }

            @Override
            public Duration pushTimeout() {
                return PUSH_TIMEOUT;
            }

            @Override
            public Duration sla() {
                return SLA;
            }

            @Override
            public int maxAttempts() {
                return MAX_ATTEMPTS;
            }

            @Override
            public Duration scanInterval() {
                return Duration.ZERO;
            }

            @Override
            public ZoneId defaultTimeZone() {
                return ZoneId.of("Europe/London");
            }

            @Override
            public Optional<List<LocalDate>> bankHolidays() {
                // Long past: the tests run at today's date, advanced by up to a month, and a
                // holiday within reach made them fail on the days before it.
                return Optional.of(List.of(LocalDate.of(2000, 12, 25)));
            }

            @Override
            public boolean awayOnTimeout() {
                return true;
            }

            @Override
            public int offerThreads() {
                return 1;
            }

            @Override
            public boolean offerWithLead() {
                return offerWithLead;
            }

            @Override
            public String reviewQueue() {
                return REVIEW_QUEUE;
            }

            @Override
            public List<String> declineReasons() {
                return List.of("busy", "not-qualified", "other");
            }
        };
    }
}
