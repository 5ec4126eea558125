package org.leadrouter.rules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonThreads;

/**
 * Puts every rule evaluation under a deadline without moving it off the calling thread: a thread
 * hand-off per decision would cost more than the decision. Each evaluation registers in its
 * thread's slot; one daemon thread looks at the slots a few times per deadline and stops an
 * evaluation that has run too long with {@link Thread#stop()}, whose {@link ThreadDeath} unwinds
 * the stuck consequence. The caller gets a {@link RuleDeadlineException} and the thread carries on.
 *
 * <p>The stop must never land outside the evaluation it was meant for. Each evaluation moves once
 * from RUNNING to either DONE (the evaluator finished first) or STOPPING (the watchdog won); the
 * watchdog stops the thread only after winning, and an evaluator that loses does not leave the
 * guarded region until the {@code ThreadDeath} has arrived.
 *
 * <p>{@code Thread.stop} works up to Java 19 (this service runs on Java 17); from Java 20 on it
 * throws, and the watchdog can then only report stuck evaluations, not end them.
 */
public final class EvaluationWatchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EvaluationWatchdog.class);
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;
    /** Found stuck where threads cannot be stopped: reported once, and left to finish. */
    private static final int REPORTED = 3;
    /** A ThreadDeath reaches a running or sleeping thread within microseconds; this only bounds a swallowed one. */
    private static final long STOP_ARRIVAL_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int BLOCKED_FACTOR = 10;

    private final Duration deadline;
    /** How often the watchdog looks: a quarter of the deadline, between 1 and 50 ms. */
    private final long tickNanos;
    /** Whole ticks an evaluation may span; it is stopped once it has seen more tick boundaries. */
    private final long deadlineTicks;
    /** An evaluation past its deadline that is not using a processor (blocked) is stopped after this many ticks. */
    private final long blockedTicks;
    private final long deadlineNanos;
    /**
     * The watchdog's clock, advanced once per look. Evaluations note it when they start instead of
     * reading the system clock, which costs more than the rest of the bookkeeping of a lead.
     */
    private volatile long ticks;
    private final Consumer<Stopped> onStop;
    private final Queue<Slot> slots = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Slot> slotOfThread = ThreadLocal.withInitial(this::newSlot);
    private final Thread thread;
    private final boolean canStop = Runtime.version().feature() < 20;
    private volatile boolean closed;
    private volatile boolean shuttingDown;

    /** A stuck evaluation the watchdog ended (or, where threads cannot be stopped, found). */
    public record Stopped(String segment, String version, String rule, Duration deadline) {
    }

    /**
     * @param deadline how long one evaluation (one lead) may run
     * @param onStop   told on the watchdog thread about each stuck evaluation; must be quick
     */
    public EvaluationWatchdog(Duration deadline, Consumer<Stopped> onStop) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the rules deadline must be positive, not " + deadline);
        }
        this.deadline = deadline;
        long deadlineNanos = deadline.toNanos();
        if (CPU.isThreadCpuTimeSupported() && !CPU.isThreadCpuTimeEnabled()) {
            CPU.setThreadCpuTimeEnabled(true);
        }
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(deadlineNanos / 4, TimeUnit.MILLISECONDS.toNanos(50)));
        this.deadlineTicks = (deadlineNanos + tickNanos - 1) / tickNanos;
        this.blockedTicks = BLOCKED_FACTOR * deadlineTicks;
        this.deadlineNanos = deadlineNanos;
        this.onStop = onStop;
        if (!canStop) {
            LOG.errorf("Java %d cannot stop a thread: a rule that never returns will hold its thread for good. "
                    + "Run the service on Java 17 for the rules deadline to hold", Runtime.version().feature());
        }
        this.thread = DaemonThreads.daemon(this::watch, "rules-deadline-watchdog");
        thread.start();
    }

    public Duration deadline() {
        return deadline;
    }

    /** What the evaluation body tells the watchdog while it runs. */
    public static final class Evaluation {
        private final String segment;
        private final String version;
        private final long startTick;
        private final Thread thread;
        private static final AtomicIntegerFieldUpdater<Evaluation> STATE =
                AtomicIntegerFieldUpdater.newUpdater(Evaluation.class, "state");
        /** Starts as RUNNING (0) without a write of its own: every fence here is paid on every lead. */
        private volatile int state;
        /** Written on each firing without a fence; the watchdog reads it only to report (a String is safe to race on). */
        private String rule;
        private volatile boolean interruptedBeforeStop;
        private volatile boolean stoppedForShutdown;
        /** The thread's processor time when the watchdog first found it past the deadline; the watchdog's own. */
        private long cpuAtDeadline;
        private boolean pastDeadline;
        /** The thread's processor time at the watchdog's last look, and the tick when it last grew. */
        private long cpuAtLastLook;
        private long progressTick;

        private Evaluation(String segment, String version, Thread thread, long startTick) {
            this.segment = segment;
            this.version = version;
            this.thread = thread;
            this.startTick = startTick;
        }

        /** The rule whose consequence runs now; named when the evaluation is stopped. */
        public void firing(String rule) {
            this.rule = rule;
        }
    }

    /**
     * Runs one evaluation on this thread under the deadline.
     *
     * @throws RuleDeadlineException when the watchdog stopped it for running past the deadline
     * @throws RuleExecutionException when the watchdog stopped it because the service is stopping
     */
    public <T> T guard(String segment, String version, Function<Evaluation, T> body) {
        Slot slot = slotOfThread.get();
        if (slot.current != null) {
            // A rule evaluating rules: the outer evaluation's deadline covers the inner one.
            return body.apply(slot.current);
        }
        Evaluation evaluation = new Evaluation(segment, version, slot.thread, ticks);
        // Release stores suffice: the watchdog may see the slot a tick late, and the state's
        // compare-and-set decides who wins.
        Slot.CURRENT.setRelease(slot, evaluation);
        try {
            T result = null;
            Throwable failure = null;
            try {
                result = body.apply(evaluation);
            } catch (Throwable t) {
                failure = t;
            }
            if (Evaluation.STATE.compareAndSet(evaluation, RUNNING, DONE) || evaluation.state == REPORTED) {
                return resultOrRethrow(result, failure);
            }
            if (!causedByThreadDeath(failure)) {
                awaitStop();
            }
            throw stopped(evaluation);
        } catch (ThreadDeath death) {
            if (evaluation.state != STOPPING) {
                throw death;
            }
            throw stopped(evaluation);
        } finally {
            Slot.CURRENT.setRelease(slot, null);
        }
    }

    /**
     * The stop has arrived. {@code Thread.stop} also interrupts the thread (to wake it from a
     * sleep or wait); left set, that interrupt would break the thread's next blocking call, such
     * as a class being read from the jar, so it is cleared unless it was there before.
     */
    private RuleExecutionException stopped(Evaluation evaluation) {
        if (!evaluation.interruptedBeforeStop) {
            Thread.interrupted();
        }
        if (evaluation.stoppedForShutdown) {
            return new RuleExecutionException((evaluation.rule == null ? "the rules were" : "rule '" + evaluation.rule + "' was")
                    + " stopped: the service is shutting down", null);
        }
        return new RuleDeadlineException(evaluation.rule, deadline);
    }

    /**
     * From now on every evaluation still running is stopped at the next look, deadline or not:
     * shutdown must not wait for a rule (an HTTP server waits for its event loops). Those leads
     * get their segment's fallback; their versions are not quarantined, they did nothing wrong yet.
     */
    public void stopEverything() {
        shuttingDown = true;
    }

    private static <T> T resultOrRethrow(T result, Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return result;
    }

    private static boolean causedByThreadDeath(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ThreadDeath) {
                return true;
            }
        }
        return false;
    }

    /**
     * The watchdog has won and its ThreadDeath is on the way: take it here, inside the guarded
     * region. The interrupt that comes with the stop may wake the sleep first; keep waiting.
     */
    private static void awaitStop() {
        long until = System.nanoTime() + STOP_ARRIVAL_BOUND_NANOS;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException stopOnItsWay) {
                // the ThreadDeath follows
            }
        }
        LOG.error("a stopped rule evaluation never received its stop (did a rule catch Throwable?); the thread carries on");
    }

    /**
     * An evaluation that started during tick T is stopped at tick T + deadlineTicks + 1: after at
     * least the deadline, never before (a late wake-up only makes it later).
     */
    private void watch() {
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(tickNanos);
                ticks = ticks + 1;
                scan(ticks);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                LOG.error("the rules deadline watchdog failed a round; it keeps watching", e);
            }
        }
    }

    private void scan(long now) {
        boolean stopAll = shuttingDown;
        for (Slot slot : slots) {
            if (!slot.thread.isAlive()) {
                slots.remove(slot);
                continue;
            }
            Evaluation evaluation = slot.current;
            if (evaluation != null && evaluation.state == RUNNING
                    && (stopAll || now - evaluation.startTick > deadlineTicks && stuck(evaluation, now))) {
                stop(evaluation, stopAll);
            }
        }
    }

    /**
     * Past the deadline, an evaluation is stuck once it has kept a processor busy for as long
     * again, or has made no progress at all (blocked: its processor time did not grow) for
     * {@value #BLOCKED_FACTOR} deadlines. Wall-clock time alone would stop evaluations that are
     * merely slow because the machine is overloaded, cold (the first lead on a new version loads
     * its classes), or on a reload thread that yields the processor to decisions, and reject or
     * quarantine good rules exactly when the service is busiest. Reading a thread's processor time
     * costs a system call, so only the watchdog does it, and only for evaluations already past the deadline.
     */
    @SuppressWarnings("deprecation")
    private boolean stuck(Evaluation evaluation, long now) {
        long cpu = CPU.getThreadCpuTime(evaluation.thread.getId());
        if (cpu < 0) {
            return true;
        }
        if (!evaluation.pastDeadline) {
            evaluation.pastDeadline = true;
            evaluation.cpuAtDeadline = cpu;
            evaluation.cpuAtLastLook = cpu;
            evaluation.progressTick = evaluation.startTick;
            return false;
        }
        if (cpu > evaluation.cpuAtLastLook) {
            evaluation.cpuAtLastLook = cpu;
            evaluation.progressTick = now;
        }
        return cpu - evaluation.cpuAtDeadline >= deadlineNanos || now - evaluation.progressTick > blockedTicks;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop(Evaluation evaluation, boolean forShutdown) {
        if (!Evaluation.STATE.compareAndSet(evaluation, RUNNING, canStop ? STOPPING : REPORTED)) {
            return;
        }
        if (canStop) {
            evaluation.interruptedBeforeStop = evaluation.thread.isInterrupted();
            evaluation.stoppedForShutdown = forShutdown;
            evaluation.thread.stop();
            if (forShutdown) {
                LOG.warnf("segment %s: rule '%s' of %s stopped as the service shuts down", evaluation.segment,
                        evaluation.rule, evaluation.version);
                return;
            }
        } else {
            LOG.errorf("segment %s: rule '%s' of %s has run past the %d ms deadline and cannot be stopped on this Java",
                    evaluation.segment, evaluation.rule, evaluation.version, deadline.toMillis());
        }
        onStop.accept(new Stopped(evaluation.segment, evaluation.version, evaluation.rule, deadline));
    }

    private Slot newSlot() {
        Slot slot = new Slot(Thread.currentThread());
        slots.add(slot);
        return slot;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** The evaluation running on one thread, if any; written only by that thread. */
    private static final class Slot {
        static final VarHandle CURRENT;

        static {
            try {
                CURRENT = MethodHandles.lookup().findVarHandle(Slot.class, "current", Evaluation.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread thread;
        volatile Evaluation current;

        Slot(Thread thread) {
            this.thread = thread;
        }
    }
}
