package org.leadrouter.kpis;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.db.Transactions;
import org.leadrouter.kpis.Kpis.Block;

/** The three KPIs of a window, per segment and overall, read from the record in one transaction. */
@ApplicationScoped
public class KpiBlocks {

    private static final Kpis.Unassigned NONE_UNASSIGNED = new Kpis.Unassigned(0, null);

    private final Transactions db;
    private final AssignmentClock clock;

    public KpiBlocks(Transactions db, AssignmentClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The overall block; fills {@code segments} with one block per segment seen in the window or waiting now. */
    public Block blocks(KpiWindow window, Map<String, Block> segments) {
        return read(window, segments, true);
    }

    /**
     * The same without the items unassigned now, which count as none: all that comparing one window
     * with another needs. Counting them reads every open item, a night's backlog with nobody online.
     */
    public Block windowBlocks(KpiWindow window, Map<String, Block> segments) {
        return read(window, segments, false);
    }

    private Block read(KpiWindow window, Map<String, Block> segments, boolean withUnassigned) {
        Instant now = clock.now();
        return db.inTransaction(c -> {
            WindowParts parts = WindowParts.of(window, HourlyRollup.rolledTo(c));
            PerSegment<Kpis.TimeToAssign> toAssign = TimeToAssignReader.read(c, window, parts);
            PerSegment<Kpis.Unassigned> unassigned = withUnassigned ? TimeToAssignReader.unassigned(c, now)
                    : new PerSegment<>(NONE_UNASSIGNED, Map.of());
            PerSegment<Kpis.Acceptance> acceptance = AcceptanceReader.read(c, parts);
            PerSegment<Kpis.Fallback> fallback = FallbackReader.read(c, window, parts);
            TreeSet<String> names = new TreeSet<>(toAssign.segments().keySet());
            names.addAll(unassigned.segments().keySet());
            names.addAll(acceptance.segments().keySet());
            names.addAll(fallback.segments().keySet());
            Block none = empty(window);
            for (String name : names) {
                segments.put(name, new Block(
                        or(toAssign.of(name), none.timeToAssign()), or(unassigned.of(name), none.unassigned()),
                        or(acceptance.of(name), none.acceptance()), or(fallback.of(name), none.fallback())));
            }
            return new Block(toAssign.overall(), unassigned.overall(), acceptance.overall(), fallback.overall());
        });
    }

    private static Block empty(KpiWindow window) {
        return new Block(new Kpis.TimeToAssign(0, null, null, null, List.of()), NONE_UNASSIGNED,
                new Kpis.Acceptance(0, 0, 0, 0, 0, null, Map.of(), List.of(), List.of()),
                FallbackReader.empty(window));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
