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
import org.leadrouter.assignment.queues.QueueStatus;
import org.leadrouter.assignment.queues.QueueView;
import org.leadrouter.kpis.Kpis.AgentLoad;
import org.leadrouter.kpis.Kpis.Agents;
import org.leadrouter.kpis.Kpis.Block;
import org.leadrouter.kpis.Kpis.QueueKpi;
import org.leadrouter.kpis.Kpis.WindowView;

/** The manager's figures: the three KPIs of a window from the record, and queues and agents now. */
@ApplicationScoped
public class KpiService {

    private final KpiBlocks blocks;
    private final QueueStatus queues;
    private final AgentDirectory agents;
    private final AssignmentClock clock;

    public KpiService(KpiBlocks blocks, QueueStatus queues, AgentDirectory agents, AssignmentClock clock) {
        this.blocks = blocks;
        this.queues = queues;
        this.agents = agents;
        this.clock = clock;
    }

    public Kpis kpis(KpiWindow window) {
        Map<String, Block> segments = new TreeMap<>();
        Block overall = blocks.blocks(window, segments);
        List<QueueView> queueViews = queues.queues();
        return new Kpis(new WindowView(window.from(), window.to(), window.bucket().toString()), overall, segments,
                queueKpis(queueViews, segments.keySet()), agents(agents.list()));
    }

    private List<QueueKpi> queueKpis(List<QueueView> views, Set<String> segments) {
        Instant now = clock.now();
        List<QueueKpi> result = new ArrayList<>();
        for (QueueView q : views) {
            Long oldest = q.oldestWaitingSince() == null ? null
                    : Math.max(0, Duration.between(q.oldestWaitingSince(), now).toSeconds());
            long sla = q.settings().sla().toSeconds();
            result.add(new QueueKpi(q.settings().name(), segmentOf(q.settings().name(), segments), q.depth(), oldest, sla,
                    oldest != null && oldest > sla));
        }
        return result;
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
