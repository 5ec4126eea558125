package org.leadrouter.assignment.queues;

/**
 * Where an item goes when its SLA is breached or too many agents refused it: a manager queue
 * ({@code "queue:insurance-managers"}, or a bare name) or one agent ({@code "agent:mgr-kate"}).
 */
public record EscalationTarget(Kind kind, String name) {

    public enum Kind { QUEUE, AGENT }

    public static EscalationTarget parse(String text) {
        String t = text.trim();
        if (t.startsWith("agent:")) {
            return new EscalationTarget(Kind.AGENT, t.substring("agent:".length()).trim());
        }
        return new EscalationTarget(Kind.QUEUE, t.startsWith("queue:") ? t.substring("queue:".length()).trim() : t);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
