package org.leadrouter.rules;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The segments the service knows and the rules each one decides with.
 *
 * <p>A segment's active rules are replaced in one reference swap, only after the new version has
 * compiled and passed every {@link PromotionGate}: a decision uses one complete version from
 * start to end, a version that fails keeps the last good one deciding, and one segment's reload
 * never touches another. Reloads, retirements and rollbacks are serialised; reading the active
 * rules never waits for them.
 */
@ApplicationScoped
public class SegmentRegistry {

    private static final Logger LOG = Logger.getLogger(SegmentRegistry.class);
    /** A segment is one folder name; a separator could point outside the rules root. */
    private static final Pattern SEGMENT_NAME = Pattern.compile("[^/\\\\\\x00]+");

    private final Path root;
    private final RulePackageLoader loader;
    private final PromotionGates gates;
    private final int historySize;
    private final ConcurrentMap<String, SegmentState> segments = new ConcurrentHashMap<>();
    private final Object changes = new Object();
    /**
     * Takes a stuck live version out of service off the deciding thread: that may be an event
     * loop, and the change lock may be held by a reload for seconds. Its one thread is a daemon
     * that ends when idle.
     */
    private final Executor quarantines;
    /** Versions waiting to be quarantined: every lead of a stuck version asks, one change is enough. */
    private final Set<SegmentRules> quarantining = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    @Inject
    public SegmentRegistry(RulesConfig config, @Any Instance<PromotionGate> gates, EvaluationWatchdog watchdog) {
        this(config, gates.stream().toList(), watchdog);
    }

    public SegmentRegistry(RulesConfig config, List<PromotionGate> gates, EvaluationWatchdog watchdog) {
        this.root = config.dir().toAbsolutePath().normalize();
        this.loader = new RulePackageLoader(config.maxFirings(), watchdog);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "rules-quarantine");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.quarantines = executor;
        this.gates = new PromotionGates(gates);
        this.historySize = Math.max(1, config.historySize());
    }

    void onStart(@Observes StartupEvent event) {
        reloadAll();
        started = true;
    }

    /** Whether the first load of every segment folder has finished (successfully or not). */
    public boolean started() {
        return started;
    }

    public Path rulesRoot() {
        return root;
    }

    /** Whether the rules root has a folder for this segment (a name that cannot be a segment has none). */
    public boolean hasFolder(String segment) {
        return isSegmentName(segment) && Files.isDirectory(root.resolve(segment));
    }

    public static boolean isSegmentName(String name) {
        return name != null && SEGMENT_NAME.matcher(name).matches() && !RuleFiles.isIgnored(name);
    }

    /**
     * Brings every segment in line with the rules root: folders are (re)loaded, and segments whose
     * folder is gone are retired.
     */
    public List<ReloadOutcome> reloadAll() {
        synchronized (changes) {
            if (!Files.isDirectory(root)) {
                LOG.errorf("rules folder %s does not exist: every lead will get the global fallback route", root);
            }
            Set<String> names = new TreeSet<>(segmentFolders());
            names.addAll(segments.keySet());
            return names.stream().map(this::reload).toList();
        }
    }

    /**
     * Compiles a segment's folder and, if it passes every gate, makes it the segment's active
     * rules. A folder that holds the active version already is left alone; a missing folder
     * retires the segment.
     */
    public ReloadOutcome reload(String segment) {
        synchronized (changes) {
            if (!hasFolder(segment)) {
                return retire(segment);
            }
            Path folder = root.resolve(segment);
            Optional<SegmentRules> active = active(segment);
            Map<String, byte[]> files;
            try {
                files = RuleFiles.read(folder);
            } catch (RuntimeException e) {
                return reject(LoadResult.unreadable(segment, e), ReloadOutcome.COMPILE_GATE, List.of());
            }
            String version = RuleSetVersion.of(segment, files);
            if (active.isPresent() && active.get().version().equals(version)) {
                segments.computeIfPresent(segment, (name, state) -> state.withoutRejection());
                return outcome(segment, ReloadOutcome.Result.UNCHANGED, null, null, List.of(), List.of());
            }
            SegmentState current = segments.get(segment);
            if (current != null && current.withholds(version)) {
                return outcome(segment, ReloadOutcome.Result.WITHHELD, null, version, List.of(), List.of());
            }
            LoadResult compiled = loader.compile(segment, files);
            if (!compiled.ok()) {
                return reject(compiled, ReloadOutcome.COMPILE_GATE, List.of());
            }
            PromotionGates.Run gated = gates.run(segment, folder, compiled.rules(), active);
            List<GateResult> results = gated.results();
            if (!gated.passed()) {
                return reject(compiled, gated.failure().orElseThrow().gate(), results);
            }
            Promoted promoted = new Promoted(compiled.rules(), results);
            segments.compute(segment, (name, state) -> (state == null ? SegmentState.EMPTY : state).promote(promoted, historySize));
            LOG.infof("segment %s: loaded %s (%d rules from %s)", segment, compiled.version(),
                    compiled.rules().ruleCount(), compiled.files());
            compiled.rules().warnings().forEach(w -> LOG.warnf("segment %s: %s: %s", segment, compiled.version(), w.describe()));
            return outcome(segment, ReloadOutcome.Result.PROMOTED, null, compiled.version(), List.of(), results);
        }
    }

    /**
     * Makes the previous good version kept in memory active again, dropping the current one.
     * The dropped version is withheld: reloading the same files does not bring it back, only a
     * change to them does. Empty when the segment is unknown or has no earlier good version.
     */
    public Optional<ReloadOutcome> rollback(String segment) {
        synchronized (changes) {
            SegmentState state = segment == null ? null : segments.get(segment);
            if (state == null || state.good().size() < 2) {
                return Optional.empty();
            }
            SegmentState rolledBack = state.rollBack();
            segments.put(segment, rolledBack);
            LOG.warnf("segment %s: rolled back from %s to %s", segment, state.active().version(),
                    rolledBack.active().version());
            return Optional.of(outcome(segment, ReloadOutcome.Result.ROLLED_BACK, null, state.active().version(),
                    List.of(), rolledBack.good().get(0).gates()));
        }
    }

    /**
     * Takes a version whose evaluation ran past the deadline out of service, if it is still the
     * segment's active one: back to the previous good version, or, with none, the segment fails
     * and its leads get the global fallback. Returns at once; the change follows on its own thread.
     */
    public void quarantine(SegmentRules stuck) {
        if (quarantining.add(stuck)) {
            quarantines.execute(() -> quarantineNow(stuck));
        }
    }

    private void quarantineNow(SegmentRules stuck) {
        RuleDeadlineException why = stuck.stuck().orElseThrow();
        String segment = stuck.segment();
        synchronized (changes) {
            quarantining.remove(stuck);
            SegmentState state = segments.get(segment);
            if (state == null || state.active() != stuck) {
                return;
            }
            String action = state.good().size() > 1
                    ? "rolled back to " + state.good().get(1).rules().version()
                    : "no earlier good version: segment FAILED, its leads get the global fallback route";
            segments.put(segment, state.quarantine(new SegmentStatus.Quarantine(stuck.version(), Instant.now(),
                    why.rule(), why.getMessage(), action)));
            LOG.errorf("segment %s: version %s quarantined, %s; %s", segment, stuck.version(), why.getMessage(), action);
        }
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
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().status(e.getKey()))
                .toList();
    }

    public Optional<SegmentStatus> status(String segment) {
        SegmentState state = segment == null ? null : segments.get(segment);
        return state == null ? Optional.empty() : Optional.of(state.status(segment));
    }

    private ReloadOutcome retire(String segment) {
        SegmentState removed = segment == null ? null : segments.remove(segment);
        if (removed != null) {
            LOG.warnf("segment %s: folder removed; segment retired, its leads get the global fallback route", segment);
        }
        return outcome(segment, ReloadOutcome.Result.RETIRED, null, null, List.of(), List.of());
    }

    private ReloadOutcome reject(LoadResult candidate, String gate, List<GateResult> results) {
        String segment = candidate.segment();
        List<RuleProblem> errors = results.isEmpty() ? candidate.problems() : results.get(results.size() - 1).problems();
        SegmentStatus.RejectedAttempt attempt = new SegmentStatus.RejectedAttempt(candidate.version(), Instant.now(),
                candidate.files(), gate, errors, results);
        Optional<RuleDeadlineException> stuck = Optional.ofNullable(candidate.rules()).flatMap(SegmentRules::stuck);
        SegmentStatus.Quarantine quarantine = stuck.map(why -> new SegmentStatus.Quarantine(candidate.version(),
                attempt.at(), why.rule(), why.getMessage(), "rejected by " + gate)).orElse(null);
        segments.compute(segment, (name, state) -> (state == null ? SegmentState.EMPTY : state).reject(attempt, quarantine));
        LOG.errorf("segment %s: version %s rejected by %s: %s", segment, candidate.version(), gate,
                String.join("; ", errors.stream().map(RuleProblem::describe).toList()));
        return outcome(segment, ReloadOutcome.Result.REJECTED, gate, candidate.version(), errors, results);
    }

    private ReloadOutcome outcome(String segment, ReloadOutcome.Result result, String rejectedBy, String candidate,
                                  List<RuleProblem> errors, List<GateResult> results) {
        String activeVersion = active(segment).map(SegmentRules::version).orElse(null);
        return new ReloadOutcome(segment, result, activeVersion, candidate, rejectedBy, errors, results);
    }

    private List<String> segmentFolders() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(SegmentRegistry::isSegmentName)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules folder " + root, e);
        }
    }

    /** A version that passed every gate, with what the gates reported about it. */
    private record Promoted(SegmentRules rules, List<GateResult> gates) {
        SegmentStatus.Version describe() {
            return new SegmentStatus.Version(rules.version(), rules.loadedAt(), rules.files(), rules.ruleCount(), gates,
                    rules.warnings());
        }
    }

    /** Immutable, so a status or decision never sees a half-updated segment. */
    private record SegmentState(List<Promoted> good, SegmentStatus.RejectedAttempt lastRejected, Set<String> rolledBack,
                                List<SegmentStatus.Quarantine> quarantined) {
        static final SegmentState EMPTY = new SegmentState(List.of(), null, Set.of(), List.of());

        SegmentRules active() {
            return good.isEmpty() ? null : good.get(0).rules();
        }

        SegmentState promote(Promoted version, int keep) {
            List<Promoted> versions = new ArrayList<>();
            versions.add(version);
            good.stream().filter(p -> !p.rules().version().equals(version.rules().version())).forEach(versions::add);
            return new SegmentState(List.copyOf(versions.subList(0, Math.min(keep, versions.size()))), null, Set.of(),
                    List.of());
        }

        SegmentState reject(SegmentStatus.RejectedAttempt attempt, SegmentStatus.Quarantine quarantine) {
            return new SegmentState(good, attempt, rolledBack, quarantine == null ? quarantined : with(quarantine));
        }

        SegmentState withoutRejection() {
            return new SegmentState(good, null, rolledBack, quarantined);
        }

        SegmentState rollBack() {
            Set<String> withdrawn = new TreeSet<>(rolledBack);
            withdrawn.add(active().version());
            return new SegmentState(List.copyOf(good.subList(1, good.size())), lastRejected, Set.copyOf(withdrawn),
                    quarantined);
        }

        /** The active version leaves for good: the next one (if any) decides. */
        SegmentState quarantine(SegmentStatus.Quarantine quarantine) {
            return new SegmentState(List.copyOf(good.subList(1, good.size())), lastRejected, rolledBack, with(quarantine));
        }

        /** Rolled-back and quarantined files stay out until they change. */
        boolean withholds(String version) {
            return rolledBack.contains(version) || quarantined.stream().anyMatch(q -> q.version().equals(version));
        }

        private List<SegmentStatus.Quarantine> with(SegmentStatus.Quarantine quarantine) {
            List<SegmentStatus.Quarantine> all = new ArrayList<>(quarantined);
            all.add(quarantine);
            return List.copyOf(all);
        }

        SegmentStatus status(String name) {
            List<SegmentStatus.Version> history = good.stream().map(Promoted::describe).toList();
            if (good.isEmpty()) {
                return new SegmentStatus(name, SegmentStatus.Status.FAILED, null, null, List.of(), 0, null,
                        List.of(), lastRejected, history, List.copyOf(new TreeSet<>(rolledBack)), quarantined);
            }
            SegmentRules active = active();
            return new SegmentStatus(name, SegmentStatus.Status.ACTIVE, active.version(), active.loadedAt(),
                    active.files(), active.ruleCount(), active.fallbackQueue(), good.get(0).gates(), lastRejected, history,
                    List.copyOf(new TreeSet<>(rolledBack)), quarantined);
        }
    }
}
