package org.leadrouter.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.AgendaGroup;
import org.leadrouter.facts.Decision;
import org.leadrouter.facts.Lead;

/**
 * One compiled, immutable version of a segment's rule package. Every decision runs in a session
 * of its own on this segment's KIE base (reused from an earlier lead only once reset), so segments
 * and leads never share state, and a version that is being replaced finishes the decisions already
 * running on it.
 */
public final class SegmentRules {

    /** Scoring rules live in this agenda group and run before the routing rules (MAIN). */
    public static final String SCORING_GROUP = "scoring";
    /** The global every package declares: {@code global org.leadrouter.facts.Decision decision;}. */
    public static final String DECISION_GLOBAL = "decision";

    private final String segment;
    private final String version;
    private final Instant loadedAt;
    private final List<String> files;
    private final int ruleCount;
    private final KieBase kieBase;
    private final SessionPool sessions;
    private final int maxFirings;
    private final String fallbackQueue;
    private final EvaluationWatchdog watchdog;
    /** What the table linter found worth telling but not worth rejecting the version for. */
    private final List<RuleProblem> warnings;
    /** Set once an evaluation of this version ran past the deadline: the version is quarantined. */
    private volatile RuleDeadlineException stuck;

    SegmentRules(String segment, String version, Instant loadedAt, List<String> files, int ruleCount,
                 KieBase kieBase, int maxFirings, String fallbackQueue, EvaluationWatchdog watchdog,
                 List<RuleProblem> warnings) {
        this(segment, version, loadedAt, files, ruleCount, kieBase, new SessionPool(kieBase), maxFirings, fallbackQueue,
                watchdog, warnings);
    }

    private SegmentRules(String segment, String version, Instant loadedAt, List<String> files, int ruleCount,
                         KieBase kieBase, SessionPool sessions, int maxFirings, String fallbackQueue,
                         EvaluationWatchdog watchdog, List<RuleProblem> warnings) {
        this.segment = segment;
        this.version = version;
        this.loadedAt = loadedAt;
        this.files = List.copyOf(files);
        this.ruleCount = ruleCount;
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.maxFirings = maxFirings;
        this.fallbackQueue = fallbackQueue;
        this.watchdog = watchdog;
        this.warnings = List.copyOf(warnings);
    }

    /** This version once its catch-all queue is known; it keeps the sessions the check used. */
    SegmentRules withFallbackQueue(String queue) {
        return new SegmentRules(segment, version, loadedAt, files, ruleCount, kieBase, sessions, maxFirings, queue,
                watchdog, warnings);
    }

    public List<RuleProblem> warnings() {
        return warnings;
    }

    public RuleOutcome evaluate(Lead lead) {
        return evaluate(lead, null);
    }

    /**
     * Runs scoring then routing for one lead, under the deadline. Once one lead has run past it,
     * every later evaluation of this version fails at once the same way: a version with a rule
     * that can hang is not trusted with another lead.
     *
     * @throws RuleDeadlineException when the rules did not finish within the deadline, now or before
     * @throws RuleExecutionException when a rule throws or the rules fire {@code maxFirings} times
     */
    RuleOutcome evaluate(Lead lead, AgendaFilter filter) {
        RuleDeadlineException quarantined = stuck;
        if (quarantined != null) {
            throw quarantined.again();
        }
        try {
            return watchdog.guard(segment, version, evaluation -> fire(lead, filter, evaluation));
        } catch (RuleDeadlineException e) {
            stuck = e;
            throw e;
        }
    }

    /** Why this version is quarantined: the first evaluation that ran past the deadline. */
    public Optional<RuleDeadlineException> stuck() {
        return Optional.ofNullable(stuck);
    }

    private RuleOutcome fire(Lead lead, AgendaFilter filter, EvaluationWatchdog.Evaluation evaluation) {
        Decision decision = new Decision();
        List<String> fired = new ArrayList<>();
        KieSession session = sessions.take();
        boolean finished = false;
        try {
            session.setGlobal(DECISION_GLOBAL, decision);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    evaluation.firing(event.getMatch().getRule().getName());
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(lead);
            AgendaGroup scoring = session.getAgenda().getAgendaGroup(SCORING_GROUP);
            if (scoring != null) {
                scoring.setFocus();
            }
            // First route wins: once a routing rule has routed the lead, the remaining routing
            // (MAIN) matches are dropped unfired, so rulesFired names only rules that acted.
            AgendaFilter routeOnce = match -> (filter == null || filter.accept(match))
                    && !(decision.isRouted() && ((RuleImpl) match.getRule()).isMainAgendaGroup());
            int count = session.fireAllRules(routeOnce, maxFirings);
            if (count >= maxFirings) {
                throw new RuleExecutionException("rules fired " + count + " times for one lead (limit "
                        + maxFirings + "): a rule is probably re-triggering itself", null);
            }
            finished = true;
        } catch (RuleExecutionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleExecutionException("rule failed: " + rootMessage(e), e);
        } finally {
            if (finished) {
                sessions.giveBack(session);
            } else {
                sessions.discard(session);
            }
        }
        return new RuleOutcome(decision, List.copyOf(fired));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String rule = e instanceof org.kie.api.runtime.rule.ConsequenceException ce && ce.getMatch() != null
                ? "'" + ce.getMatch().getRule().getName() + "' " : "";
        return rule + text;
    }

    public String segment() { return segment; }
    public String version() { return version; }
    public Instant loadedAt() { return loadedAt; }
    public List<String> files() { return files; }
    public int ruleCount() { return ruleCount; }

    /** Every rule of the package, scoring and routing, by name; what scenario coverage is measured against. */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(Rule::getName)
                .sorted()
                .toList();
    }

    /** The queue the segment's catch-all gives; where its leads go when its rules fail at run time. */
    public String fallbackQueue() { return fallbackQueue; }

    KieBase kieBase() { return kieBase; }
}
