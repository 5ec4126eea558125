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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.leadrouter.background.DaemonThreads;

/**
 * The segments the service knows and the rules each one decides with.
 *
 * <p>A segment's active rules are replaced in one reference swap, only after the new version has
 * compiled and passed every {@link PromotionGate}: a decision uses one complete version from
 * start to end, a version that fails keeps the last good one deciding, and one segment's reload
 * never touches another. Reloads, retirements and rollbacks are serialised; reading the active
 * rules never waits for them.
 *
 * <p>Every change is written to the {@link VersionJournal} as it is made, and a segment's state is
 * rebuilt from it when the segment is first loaded: history, rollback, withheld versions and the
 * last rejected attempt survive a restart, and the active version is compiled from its stored files.
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
    private final VersionJournal journal;
    /** Segments whose state was rebuilt from the journal in this process (touched only under the change lock). */
    private final Set<String> restored = new HashSet<>();
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
    public SegmentRegistry(RulesConfig config, @Any Instance<PromotionGate> gates, EvaluationWatchdog watchdog,
                           VersionJournal journal) {
        this(config, gates.stream().toList(), watchdog, journal);
    }

    public SegmentRegistry(RulesConfig config, List<PromotionGate> gates, EvaluationWatchdog watchdog,
                           VersionJournal journal) {
        this.root = config.dir().toAbsolutePath().normalize();
        this.loader = new RulePackageLoader(config.maxFirings(), watchdog);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named("rules-quarantine"));
        executor.allowCoreThreadTimeOut(true);
        this.quarantines = executor;
        this.gates = new PromotionGates(gates);
        this.historySize = Math.max(1, config.historySize());
        this.journal = journal;
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
        return reloadAll(null);
    }

    /** @param actor who asked (the credential's name), recorded with each change; null for the service itself */
    public List<ReloadOutcome> reloadAll(String actor) {
        synchronized (changes) {
            if (!Files.isDirectory(root)) {
                LOG.errorf("rules folder %s does not exist: every lead will get the global fallback route", root);
            }
            Set<String> names = new TreeSet<>(segmentFolders());
            names.addAll(segments.keySet());
            // A folder removed while the service was down still has a recorded history to retire.
            names.addAll(journal.segments());
            return names.stream().map(name -> reload(name, actor)).toList();
        }
    }

    /**
     * Compiles a segment's folder and, if it passes every gate, makes it the segment's active
     * rules. A folder that holds the active version already is left alone; a missing folder
     * retires the segment. When the rule files are the active version's but the scenario files
     * changed, the gates that read them re-run against the active version.
     */
    public ReloadOutcome reload(String segment) {
        return reload(segment, null);
    }

    /** @param actor who asked (the credential's name), recorded with the change; null for the service itself */
    public ReloadOutcome reload(String segment, String actor) {
        synchronized (changes) {
            if (!hasFolder(segment)) {
                return retire(segment);
            }
            restore(segment);
            Path folder = root.resolve(segment);
            Optional<SegmentRules> active = active(segment);
            Map<String, byte[]> files;
            try {
                files = RuleFiles.read(folder);
            } catch (RuntimeException e) {
                return reject(LoadResult.unreadable(segment, e), ReloadOutcome.COMPILE_GATE, List.of(), Map.of(), actor);
            }
            String version = RuleSetVersion.of(segment, files);
            if (active.isPresent() && active.get().version().equals(version)) {
                return unchanged(segment, folder, active.get(), actor);
            }
            SegmentState current = segments.get(segment);
            if (current != null && current.withholds(version)) {
                return outcome(segment, ReloadOutcome.Result.WITHHELD, null, version, List.of(), List.of());
            }
            LoadResult compiled = loader.compile(segment, files);
            if (!compiled.ok()) {
                return reject(compiled, ReloadOutcome.COMPILE_GATE, List.of(), files, actor);
            }
            // Read before the gates: a scenario saved while they run differs and is checked next time.
            String scenarios = scenariosOf(segment, folder);
            PromotionGates.Run gated = gates.run(segment, folder, compiled.rules(), active);
            List<GateResult> results = gated.results();
            if (!gated.passed()) {
                return reject(compiled, gated.failure().orElseThrow().gate(), results, files, actor);
            }
            Promoted promoted = Promoted.of(compiled.rules(), results, scenarios);
            segments.compute(segment, (name, state) -> (state == null ? SegmentState.EMPTY : state).promote(promoted, historySize));
            journal.record(VersionEvent.promoted(segment, promoted.described(), VersionEvent.hashes(files), scenarios, actor),
                    files);
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
     *
     * @param actor who asked (the credential's name), recorded with the change
     */
    public Optional<ReloadOutcome> rollback(String segment, String actor) {
        synchronized (changes) {
            SegmentState state = segment == null ? null : segments.get(segment);
            if (state == null || state.good().size() < 2) {
                return Optional.empty();
            }
            String from = state.active().version();
            SegmentState rolledBack = compileActive(segment, state.rollBack());
            segments.put(segment, rolledBack);
            String to = rolledBack.good().isEmpty() ? null : rolledBack.good().get(0).version();
            journal.record(VersionEvent.rolledBack(segment, from, to, Instant.now(), actor), Map.of());
            LOG.warnf("segment %s: rolled back from %s to %s", segment, from, to);
            return Optional.of(outcome(segment, ReloadOutcome.Result.ROLLED_BACK, null, from, List.of(),
                    rolledBack.good().isEmpty() ? List.of() : rolledBack.good().get(0).described().gates()));
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
                    ? "rolled back to " + state.good().get(1).version()
                    : "no earlier good version: segment FAILED, its leads get the global fallback route";
            SegmentStatus.Quarantine quarantine = new SegmentStatus.Quarantine(stuck.version(), Instant.now(),
                    why.rule(), why.getMessage(), action);
            segments.put(segment, compileActive(segment, state.quarantine(quarantine)));
            journal.record(VersionEvent.quarantined(segment, quarantine), Map.of());
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
        boolean onlyRecorded = removed == null && segment != null && restored.add(segment)
                && journal.segments().contains(segment);
        if (removed != null || onlyRecorded) {
            journal.record(VersionEvent.retired(segment, Instant.now()), Map.of());
            LOG.warnf("segment %s: folder removed; segment retired, its leads get the global fallback route", segment);
        }
        return outcome(segment, ReloadOutcome.Result.RETIRED, null, null, List.of(), List.of());
    }

    /**
     * The folder holds the active version. If its scenario files changed since the gates last ran,
     * the gates that read them run again against it: a failure is reported now, as an alert on the
     * active version (which keeps deciding), not found by the next, unrelated change to the rules.
     */
    private ReloadOutcome unchanged(String segment, Path folder, SegmentRules active, String actor) {
        SegmentState state = segments.get(segment).withoutRejection();
        String scenarios = scenariosOf(segment, folder);
        if (Objects.equals(scenarios, state.good().get(0).scenarios())) {
            segments.put(segment, state);
            return outcome(segment, ReloadOutcome.Result.UNCHANGED, null, null, List.of(), List.of());
        }
        PromotionGates.Run run = gates.recheck(segment, folder, active);
        Instant at = Instant.now();
        SegmentState rechecked = state.recheck(run.results(), scenarios, at);
        segments.put(segment, rechecked);
        journal.record(VersionEvent.rechecked(segment, rechecked.good().get(0).described(), scenarios, at, actor), Map.of());
        Optional<GateResult> failure = run.failure();
        if (failure.isPresent()) {
            LOG.warnf("segment %s: the scenario files changed and the active version %s fails the %s gate: %s", segment,
                    active.version(), failure.get().gate(),
                    String.join("; ", failure.get().problems().stream().map(RuleProblem::describe).toList()));
        } else {
            LOG.infof("segment %s: the scenario files changed and the active version %s passes them", segment,
                    active.version());
        }
        active.stuck().ifPresent(stuck -> quarantine(active));
        return outcome(segment, ReloadOutcome.Result.RECHECKED, failure.map(GateResult::gate).orElse(null),
                active.version(), failure.map(GateResult::problems).orElse(List.of()), run.results());
    }

    /** What the scenario files hold, by content; null when they cannot be read (the scenario gate says why). */
    private static String scenariosOf(String segment, Path folder) {
        try {
            return RuleSetVersion.of(segment, RuleFiles.scenarios(folder));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Rebuilds a segment's state from the journal the first time this process loads it, and
     * compiles its active version from the stored files.
     */
    private void restore(String segment) {
        if (!restored.add(segment) || segments.containsKey(segment)) {
            return;
        }
        List<VersionEvent> events = journal.sinceRetired(segment);
        if (events.isEmpty()) {
            return;
        }
        SegmentState state = SegmentState.EMPTY;
        for (VersionEvent event : events) {
            state = state.replay(event, historySize);
        }
        state = compileActive(segment, state);
        segments.put(segment, state);
        LOG.infof("segment %s: history restored from the record (%d events): %s active, %d good versions kept", segment,
                events.size(), state.good().isEmpty() ? "no version" : state.good().get(0).version(), state.good().size());
    }

    /**
     * Makes sure the first good version is compiled (after a restart only its stored files are at
     * hand). One whose files are missing or no longer compile is dropped for the next.
     */
    private SegmentState compileActive(String segment, SegmentState state) {
        while (!state.good().isEmpty() && state.active() == null) {
            String version = state.good().get(0).version();
            Map<String, byte[]> files = journal.files(version);
            LoadResult compiled = files.isEmpty() ? null : loader.compile(segment, files);
            if (compiled != null && compiled.ok()) {
                return state.withActive(compiled.rules());
            }
            LOG.errorf("segment %s: stored version %s cannot be used again (%s); dropped from the history", segment,
                    version, compiled == null ? "its files were not recorded"
                            : String.join("; ", compiled.problems().stream().map(RuleProblem::describe).toList()));
            state = state.withoutFirst();
        }
        return state;
    }

    private ReloadOutcome reject(LoadResult candidate, String gate, List<GateResult> results, Map<String, byte[]> files,
                                 String actor) {
        String segment = candidate.segment();
        List<RuleProblem> errors = results.isEmpty() ? candidate.problems() : results.get(results.size() - 1).problems();
        SegmentStatus.RejectedAttempt attempt = new SegmentStatus.RejectedAttempt(candidate.version(), Instant.now(),
                candidate.files(), gate, errors, results);
        Optional<RuleDeadlineException> stuck = Optional.ofNullable(candidate.rules()).flatMap(SegmentRules::stuck);
        SegmentStatus.Quarantine quarantine = stuck.map(why -> new SegmentStatus.Quarantine(candidate.version(),
                attempt.at(), why.rule(), why.getMessage(), "rejected by " + gate)).orElse(null);
        segments.compute(segment, (name, state) -> (state == null ? SegmentState.EMPTY : state).reject(attempt, quarantine));
        journal.record(VersionEvent.rejected(segment, attempt, VersionEvent.hashes(files), quarantine, actor), Map.of());
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

    /**
     * A version that passed every gate, with what the gates last reported about it.
     *
     * @param rules     the compiled rules; null for a version restored from the journal and not compiled yet
     * @param scenarios the content of the scenario files the gates last ran against
     * @param checkedAt when the gates last ran
     */
    private record Promoted(SegmentStatus.Version described, SegmentRules rules, String scenarios, Instant checkedAt) {

        static Promoted of(SegmentRules rules, List<GateResult> gates, String scenarios) {
            return new Promoted(new SegmentStatus.Version(rules.version(), rules.loadedAt(), rules.files(), rules.ruleCount(),
                    gates, rules.warnings()), rules, scenarios, rules.loadedAt());
        }

        String version() {
            return described.version();
        }

        Promoted compiled(SegmentRules compiled) {
            return new Promoted(described, compiled, scenarios, checkedAt);
        }

        Promoted rechecked(List<GateResult> gates, String checkedScenarios, Instant at) {
            return new Promoted(new SegmentStatus.Version(described.version(), described.loadedAt(), described.files(),
                    described.ruleCount(), gates, described.warnings()), rules, checkedScenarios, at);
        }

        /** A version passed its gates when promoted: a failed one now means the scenarios changed under it. */
        Optional<SegmentStatus.Alert> alert() {
            return described.gates().stream().filter(gate -> !gate.passed()).findFirst()
                    .map(gate -> new SegmentStatus.Alert(gate.gate(), checkedAt, "the active version " + version()
                            + " fails the " + gate.gate() + " gate since the scenario files changed (" + gate.problems().size()
                            + (gate.problems().size() == 1 ? " problem" : " problems")
                            + "); it keeps deciding leads: fix the scenarios or the rules", gate.problems()));
        }
    }

    /** Immutable, so a status or decision never sees a half-updated segment. */
    private record SegmentState(List<Promoted> good, SegmentStatus.RejectedAttempt lastRejected, Set<String> rolledBack,
                                List<SegmentStatus.Quarantine> quarantined) {
        static final SegmentState EMPTY = new SegmentState(List.of(), null, Set.of(), List.of());

        /** The compiled first good version; null when there is none or it is not compiled yet. */
        SegmentRules active() {
            return good.isEmpty() ? null : good.get(0).rules();
        }

        SegmentState promote(Promoted version, int keep) {
            List<Promoted> versions = new ArrayList<>();
            versions.add(version);
            good.stream().filter(p -> !p.version().equals(version.version())).forEach(versions::add);
            return new SegmentState(List.copyOf(versions.subList(0, Math.min(keep, versions.size()))), null, Set.of(),
                    List.of());
        }

        SegmentState reject(SegmentStatus.RejectedAttempt attempt, SegmentStatus.Quarantine quarantine) {
            return new SegmentState(good, attempt, rolledBack, quarantine == null ? quarantined : with(quarantine));
        }

        SegmentState withoutRejection() {
            return new SegmentState(good, null, rolledBack, quarantined);
        }

        SegmentState recheck(List<GateResult> gates, String scenarios, Instant at) {
            return withFirst(good.get(0).rechecked(gates, scenarios, at));
        }

        SegmentState withActive(SegmentRules rules) {
            return withFirst(good.get(0).compiled(rules));
        }

        private SegmentState withFirst(Promoted first) {
            List<Promoted> versions = new ArrayList<>(good);
            versions.set(0, first);
            return new SegmentState(List.copyOf(versions), lastRejected, rolledBack, quarantined);
        }

        SegmentState withoutFirst() {
            return new SegmentState(List.copyOf(good.subList(1, good.size())), lastRejected, rolledBack, quarantined);
        }

        SegmentState rollBack() {
            Set<String> withdrawn = new TreeSet<>(rolledBack);
            withdrawn.add(good.get(0).version());
            return new SegmentState(List.copyOf(good.subList(1, good.size())), lastRejected, Set.copyOf(withdrawn),
                    quarantined);
        }

        /** The active version leaves for good: the next one (if any) decides. */
        SegmentState quarantine(SegmentStatus.Quarantine quarantine) {
            return new SegmentState(List.copyOf(good.subList(1, good.size())), lastRejected, rolledBack, with(quarantine));
        }

        /** The same change again, from the journal; a change about a version no longer first is stale and skipped. */
        SegmentState replay(VersionEvent event, int keep) {
            boolean aboutFirst = !good.isEmpty() && good.get(0).version().equals(event.version());
            return switch (event.kind()) {
                case PROMOTED -> promote(new Promoted(event.promoted(), null, event.scenarios(), event.at()), keep);
                case RECHECKED -> aboutFirst ? recheck(event.promoted().gates(), event.scenarios(), event.at()) : this;
                case REJECTED -> reject(event.rejected(), event.quarantine());
                case ROLLED_BACK -> aboutFirst ? rollBack() : this;
                case QUARANTINED -> aboutFirst ? quarantine(event.quarantine()) : this;
                case RETIRED -> EMPTY;
            };
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
            List<SegmentStatus.Version> history = good.stream().map(Promoted::described).toList();
            if (good.isEmpty()) {
                return new SegmentStatus(name, SegmentStatus.Status.FAILED, null, null, List.of(), 0, null,
                        List.of(), lastRejected, history, List.copyOf(new TreeSet<>(rolledBack)), quarantined, List.of());
            }
            SegmentRules active = active();
            return new SegmentStatus(name, SegmentStatus.Status.ACTIVE, active.version(), active.loadedAt(),
                    active.files(), active.ruleCount(), active.fallbackQueue(), good.get(0).described().gates(),
                    lastRejected, history, List.copyOf(new TreeSet<>(rolledBack)), quarantined,
                    good.get(0).alert().stream().toList());
        }
    }
}
