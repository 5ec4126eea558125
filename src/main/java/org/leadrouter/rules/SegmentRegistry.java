package org.leadrouter.rules;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The segments the service knows and the rules each one decides with. A segment's active rules
 * are replaced in one reference swap, so a decision uses one complete version from start to end
 * and a segment's failure never touches another segment.
 */
@ApplicationScoped
public class SegmentRegistry {

    private static final Logger LOG = Logger.getLogger(SegmentRegistry.class);

    private final RulesConfig config;
    private final RulePackageLoader loader;
    private final ConcurrentMap<String, SegmentState> segments = new ConcurrentHashMap<>();
    private volatile boolean started;

    public SegmentRegistry(RulesConfig config) {
        this.config = config;
        this.loader = new RulePackageLoader(config.maxFirings());
    }

    void onStart(@Observes StartupEvent event) {
        loadAll();
        started = true;
    }

    /** Whether the first load of every segment folder has finished (successfully or not). */
    public boolean started() {
        return started;
    }

    public Path rulesRoot() {
        return config.dir().toAbsolutePath().normalize();
    }

    /** Loads every segment folder under the rules root; returns each segment's outcome. */
    public List<LoadResult> loadAll() {
        Path root = rulesRoot();
        if (!Files.isDirectory(root)) {
            LOG.errorf("rules folder %s does not exist: every lead will get the global fallback route", root);
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> !RuleFiles.isIgnored(dir.getFileName().toString()))
                    .sorted()
                    .map(dir -> reload(dir.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules folder " + root, e);
        }
    }

    /**
     * Compiles a segment's folder and, if it is good, makes it the segment's active rules. A
     * version that fails keeps the last good one active and is recorded as the last rejected.
     */
    public LoadResult reload(String segment) {
        Path dir = rulesRoot().resolve(segment);
        LoadResult result = loader.load(segment, dir);
        segments.compute(segment, (name, state) -> {
            SegmentState current = state == null ? SegmentState.EMPTY : state;
            return result.ok() ? current.activate(result.rules()) : current.reject(result, Instant.now());
        });
        if (result.ok()) {
            LOG.infof("segment %s: loaded %s (%d rules from %s)", segment, result.version(),
                    result.rules().ruleCount(), result.files());
        } else {
            LOG.errorf("segment %s: version %s rejected: %s", segment, result.version(),
                    String.join("; ", result.problems().stream().map(RuleProblem::describe).toList()));
        }
        return result;
    }

    /** The rules deciding this segment's leads now, if it has any. */
    public Optional<SegmentRules> active(String segment) {
        SegmentState state = segment == null ? null : segments.get(segment);
        return state == null ? Optional.empty() : Optional.ofNullable(state.active());
    }

    public boolean knows(String segment) {
        return segment != null && segments.containsKey(segment);
    }

    public List<SegmentStatus> statuses() {
        return segments.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getValue().status(e.getKey()))
                .toList();
    }

    public Optional<SegmentStatus> status(String segment) {
        SegmentState state = segments.get(segment);
        return state == null ? Optional.empty() : Optional.of(state.status(segment));
    }

    private record SegmentState(SegmentRules active, SegmentStatus.RejectedAttempt lastRejected) {
        static final SegmentState EMPTY = new SegmentState(null, null);

        SegmentState activate(SegmentRules rules) {
            return new SegmentState(rules, null);
        }

        SegmentState reject(LoadResult result, Instant at) {
            return new SegmentState(active, new SegmentStatus.RejectedAttempt(result.version(), at, result.files(), result.problems()));
        }

        SegmentStatus status(String name) {
            if (active == null) {
                return new SegmentStatus(name, SegmentStatus.Status.FAILED, null, null, List.of(), 0, null, lastRejected);
            }
            return new SegmentStatus(name, SegmentStatus.Status.ACTIVE, active.version(), active.loadedAt(),
                    active.files(), active.ruleCount(), active.fallbackQueue(), lastRejected);
        }
    }
}
