package org.leadrouter.kpis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The manager's figures for one window (the JSON of GET /kpis, docs/console.md). */
public record Kpis(WindowView window, Block overall, Map<String, Block> segments, List<QueueKpi> queues, Agents agents) {

    public record WindowView(Instant from, Instant to, String bucket) {
    }

    /** The three KPIs of one segment, or of all. */
    public record Block(TimeToAssign timeToAssign, Unassigned unassigned, Acceptance acceptance, Fallback fallback) {
    }

    public record TimeToAssign(long count, Long p50Ms, Long p90Ms, Long p99Ms, List<TimePoint> trend) {
    }

    public record TimePoint(Instant at, long count, long p50Ms, long p90Ms) {
    }

    /** Work items not yet accepted or closed, now (whatever the window). */
    public record Unassigned(long count, Long oldestAgeSeconds) {
    }

    /**
     * Offers closed in the window. {@code offers} counts those an agent could answer (accepted,
     * declined, timed out); withdrawn ones are shown apart and count against nobody.
     */
    public record Acceptance(long offers, long accepted, long declined, long timedOut, long withdrawn, Double rate,
                             Map<String, Long> declineReasons, List<Rate> byQueue, List<Rate> byAgent) {
    }

    public record Rate(String queue, String agent, long offers, long accepted, long declined, long timedOut, Double rate) {
    }

    public record Fallback(long leads, long fallback, Double share, Map<String, Long> byCause, List<FallbackPoint> trend) {
    }

    public record FallbackPoint(Instant at, long leads, long fallback) {
    }

    public record QueueKpi(String queue, String segment, int depth, Long oldestWaitingSeconds, long slaSeconds,
                           boolean breached) {
    }

    /** A queue's oldest waiting item against its SLA, without the depth (which costs a count of the backlog). */
    public record QueueSla(String queue, String segment, Long oldestWaitingSeconds, long slaSeconds, boolean breached) {
    }

    public record Agents(long online, long busy, long away, long offline, List<AgentLoad> load) {
    }

    public record AgentLoad(String agent, String presence, int load, int capacity) {
    }
}
