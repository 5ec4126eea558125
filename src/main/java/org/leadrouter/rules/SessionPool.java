package org.leadrouter.rules;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one KIE base, reused from lead to lead: creating a session (its agenda, entry points
 * and node memories) and disposing of it cost more than a lead's rules. A session comes back only
 * after an evaluation that finished cleanly, and is then reset as Drools' own session pool resets
 * its sessions (facts, memories, agenda, globals and listeners cleared). One that a rule threw in,
 * or that the watchdog stopped mid-rule, is disposed instead: its state cannot be trusted.
 *
 * <p>Drools' {@code KieBase.newKieSessionsPool} is not used because its sessions go back to the
 * pool on {@code dispose()} whatever state they were left in.
 */
final class SessionPool {

    /** Sessions kept idle; beyond this (more threads evaluating at once) they are disposed after use. */
    private static final int IDLE = 2 * Runtime.getRuntime().availableProcessors() + 2;

    private final KieBase kieBase;
    private final BlockingQueue<KieSession> idle = new ArrayBlockingQueue<>(IDLE);

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    KieSession take() {
        KieSession session = idle.poll();
        return session != null ? session : kieBase.newKieSession();
    }

    /** Back to the pool after an evaluation that ran to its end; the session is reset first. */
    void giveBack(KieSession session) {
        ((StatefulKnowledgeSessionImpl) session).reset();
        if (!idle.offer(session)) {
            session.dispose();
        }
    }

    /** After an evaluation that failed or was stopped: the session is never used again. */
    void discard(KieSession session) {
        session.dispose();
    }
}
