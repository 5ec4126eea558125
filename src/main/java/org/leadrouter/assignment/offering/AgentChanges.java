package org.leadrouter.assignment.offering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.leadrouter.assignment.agents.AgentChanged;
import org.leadrouter.assignment.agents.Presence;

/** The offers that follow an agent's change: withdrawn when they go OFFLINE, else made while they have room. */
@ApplicationScoped
public class AgentChanges {

    private final Assigner assigner;

    public AgentChanges(Assigner assigner) {
        this.assigner = assigner;
    }

    // Synchronous, on the caller's thread: the request answers only once its offers are settled.
    public void on(@Observes AgentChanged change) {
        if (change.presence() == Presence.OFFLINE) {
            assigner.withdrawOpenOffers(change.agentId());
        } else {
            // Also when presence is unchanged (a raised capacity makes room); a no-op unless they can take work.
            assigner.fill(change.agentId());
        }
    }
}
