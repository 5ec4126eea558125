package org.leadrouter.assignment.offering;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.offering.Assigner;
import org.leadrouter.assignment.policies.SkillRelaxation;
import org.leadrouter.assignment.policies.WaitOverflow;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;

/**
 * The timers, kept in the database rather than in memory so they survive a restart: each scan
 * makes the work items a database outage left unmade, closes open offers past their push
 * timeout, moves items that waited past their queue's overflow limits, relaxes required skills
 * after the queue's waits, escalates waiting items past their SLA, and lets every agent who can
 * take work look for it (working hours that begin, or anything a race left waiting) when no batch
 * of new items is being offered.
 */
@ApplicationScoped
public class AssignmentScheduler {

    private static final Logger LOG = Logger.getLogger(AssignmentScheduler.class);
    private static final int BATCH = 200;

    private final Assigner assigner;
    private final AssignmentDispatcher dispatcher;
    private final Transactions db;
    private final WorkStore work;
    private final AgentStore agents;
    private final AssignmentClock clock;
    private final WaitOverflow overflow;
    private final SkillRelaxation relaxation;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService timer;

    public AssignmentScheduler(Assigner assigner, AssignmentDispatcher dispatcher, Transactions db, WorkStore work,
                               AgentStore agents, AssignmentClock clock, AssignmentConfig config, WaitOverflow overflow,
                               SkillRelaxation relaxation) {
        this.overflow = overflow;
        this.relaxation = relaxation;
        this.assigner = assigner;
        this.dispatcher = dispatcher;
        this.db = db;
        this.work = work;
        this.agents = agents;
        this.clock = clock;
        this.interval = config.scanInterval();
        this.enabled = config.enabled();
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            LOG.info("assignment is off (leadrouter.assignment.enabled=false): routed leads are not offered to agents");
            return;
        }
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("assignment scanning is off (leadrouter.assignment.scan-interval=0)");
            return;
        }
        timer = DaemonTimer.start("assignment-scheduler", interval, interval, this::scan, LOG,
                "assignment scan failed; retried at the next one");
    }

    /** What one scan did. */
    public record Scan(int timedOut, int overflowed, int relaxed, int escalated, int offered) {
    }

    public Scan scan() {
        dispatcher.repairMissing();
        Instant now = clock.now();
        int timedOut = 0;
        for (Offer offer : db.inTransaction(c -> work.dueOffers(c, now, BATCH))) {
            timedOut += assigner.expire(offer.id()) ? 1 : 0;
        }
        List<String> overflowed = overflow.overflowDue(BATCH);
        assigner.offer(overflowed);
        List<String> relaxed = relaxation.relaxDue(BATCH);
        assigner.offer(relaxed);
        int escalated = assigner.escalateBreaches(BATCH);
        int offered = 0;
        // Filling agent by agent takes one item per transaction: while batches of new items are
        // being offered it would only race them for the same items. It runs once they are done;
        // meanwhile an agent freed by an accept, decline or completion fills at once all the same.
        if (!dispatcher.offering()) {
            for (String agent : db.inTransaction(agents::withWorkToTake)) {
                offered += assigner.fill(agent);
            }
        }
        return new Scan(timedOut, overflowed.size(), relaxed.size(), escalated, offered);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
