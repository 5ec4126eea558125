package org.leadrouter.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** How routed leads are offered to agents. */
@ConfigMapping(prefix = "leadrouter.assignment")
public interface AssignmentConfig {

    /**
     * Whether routed leads become work offered to agents. Off for a deployment whose own system
     * (a CRM's omni-channel) assigns the routed leads; the agent and queue endpoints stay.
     */
    @WithDefault("true")
    boolean enabled();

    /** Queue settings (push timeout, SLA, escalation, overflow); queues not listed get the defaults below. */
    @WithDefault("assignment/queues.json")
    Path queuesFile();

    /** A roster (CSV or JSON) imported at start, if set: agents are created or updated, presence kept. */
    Optional<Path> rosterFile();

    /** Default push timeout: how long an agent has to accept an offer. */
    @WithDefault("60s")
    Duration pushTimeout();

    /** Default SLA: how long after routing a lead must be accepted before it is escalated. */
    @WithDefault("30m")
    Duration sla();

    /** Declines plus timeouts after which an item is escalated. */
    @WithDefault("3")
    int maxAttempts();

    /** How often due offers, SLA breaches and waiting work are scanned; 0 turns the scanner off. */
    @WithDefault("1s")
    Duration scanInterval();

    /** Time zone of agents whose roster entry gives none. */
    @WithDefault("Europe/London")
    ZoneId defaultTimeZone();

    /** Days nobody works, in every time zone (agents' local dates). */
    Optional<List<LocalDate>> bankHolidays();

    /** An agent who lets an offer time out is set AWAY, so work stops going to an empty desk. */
    @WithDefault("true")
    boolean awayOnTimeout();

    /** Threads making offers for newly routed leads. */
    @WithDefault("2")
    int offerThreads();

    /**
     * Whether new work items are offered in the transaction that records their leads (one commit
     * for the lead, its item and its offer) rather than by the offer threads after that commit.
     * Unless set, on for H2, whose commits cost processor time page by page, and off for
     * PostgreSQL, where the lead writer's extra round trips would slow intake (docs/performance.md).
     * The per-database value comes from DatabaseSelection; this default only serves when it derives
     * nothing (an unknown database, which validation then reports).
     */
    @WithDefault("true")
    boolean offerWithLead();

    /**
     * The global review queue: the last step of every escalation path, where a lead waits when
     * every eligible agent before it refused it.
     */
    @WithDefault("general-review")
    String reviewQueue();

    /** The reason codes an agent declines an offer with (free text besides is optional); reported in the KPIs. */
    @WithDefault("busy,not-qualified,wrong-product,conflict-of-interest,existing-customer,duplicate,other")
    List<String> declineReasons();
}
