package org.leadrouter.kpis;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.agents.AgentDirectory;
import org.leadrouter.assignment.agents.AgentView;
import org.leadrouter.assignment.agents.Presence;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.queues.QueueStatus;
import org.leadrouter.assignment.queues.QueueView;
import org.leadrouter.kpis.Kpis.AgentLoad;
import org.leadrouter.kpis.Kpis.Agents;
import org.leadrouter.kpis.Kpis.Block;
import org.leadrouter.kpis.Kpis.QueueKpi;
import org.leadrouter.kpis.Kpis.QueueSla;
import org.leadrouter.kpis.Kpis.WindowView;
import org.leadrouter.rules.SegmentRegistry;

/** The manager's figures: the three KPIs of a window from the record, and queues and agents now. */
@ApplicationScoped
public class KpiService {

    private final KpiBlocks blocks;
    private final QueueStatus queues;
    private final AgentDirectory agents;
    private final SegmentRegistry segments;
    private final AssignmentClock clock;

    public KpiService(KpiBlocks blocks, QueueStatus queues, AgentDirectory agents, SegmentRegistry segments,
                      AssignmentClock clock) {
        this.blocks = blocks;
        this.queues = queues;
        this.agents = agents;
        this.segments = segments;
        this.clock = clock;
    }

    public Kpis kpis(KpiWindow window) {
        Map<String, Block> bySegment = new TreeMap<>();
        Block overall = blocks.blocks(window, bySegment);
        return new Kpis(new WindowView(window.from(), window.to(), window.bucket().toString()), overall, bySegment,
                queues(), agents(agents.list()));
    }

    /** Each queue's depth and oldest waiting item against its SLA, now. */
    public List<QueueKpi> queues() {
        Set<String> names = segmentNames();
        Instant now = clock.now();
        List<QueueKpi> result = new ArrayList<>();
        for (QueueView q : queues.queues()) {
            QueueSla sla = sla(q.settings(), q.oldestWaitingSince(), names, now);
            result.add(new QueueKpi(sla.queue(), sla.segment(), q.depth(), sla.oldestWaitingSeconds(), sla.slaSeconds(),
                    sla.breached()));
        }
        return result;
    }

    /** Each queue with items waiting, its oldest against its SLA, now; unlike {@link #queues()} nothing is counted. */
    public List<QueueSla> waitingQueues() {
        Set<String> names = segmentNames();
        Instant now = clock.now();
        return queues.waiting().stream().map(w -> sla(w.settings(), w.oldestWaitingSince(), names, now)).toList();
    }

    private static QueueSla sla(QueueSettings settings, Instant oldestWaitingSince, Set<String> segments, Instant now) {
        Long oldest = oldestWaitingSince == null ? null : Math.max(0, Duration.between(oldestWaitingSince, now).toSeconds());
        long sla = settings.sla().toSeconds();
        return new QueueSla(settings.name(), segmentOf(settings.name(), segments), oldest, sla, oldest != null && oldest > sla);
    }

    private Set<String> segmentNames() {
        Set<String> names = new TreeSet<>();
        segments.statuses().forEach(s -> names.add(s.name()));
        return names;
    }

    /** Queues are named after their segment by convention (insurance-life-fca); general ones belong to none. */
    private static String segmentOf(String queue, Set<String> segments) {
        return segments.stream().filter(s -> queue.startsWith(s + "-")).max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static Agents agents(List<AgentView> views) {
        Map<Presence, Long> counts = new TreeMap<>();
        List<AgentLoad> load = new ArrayList<>();
        for (AgentView a : views) {
            counts.merge(a.presence(), 1L, Long::sum);
            load.add(new AgentLoad(a.id(), a.presence().name(), a.load(), a.capacity()));
        }
        return new Agents(counts.getOrDefault(Presence.ONLINE, 0L), counts.getOrDefault(Presence.BUSY, 0L),
                counts.getOrDefault(Presence.AWAY, 0L), counts.getOrDefault(Presence.OFFLINE, 0L), load);
    }
}
