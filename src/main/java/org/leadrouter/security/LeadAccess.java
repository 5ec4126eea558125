package org.leadrouter.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.leadrouter.assignment.work.WorkLedger;

/**
 * Who may read a lead with its contact: callers and managers; an agent only once the lead's work
 * is offered to or accepted by them (they need the contact to work it). Analysts never.
 */
@ApplicationScoped
public class LeadAccess {

    private final SecurityIdentity identity;
    private final AgentAccess agents;
    private final WorkLedger ledger;

    public LeadAccess(SecurityIdentity identity, AgentAccess agents, WorkLedger ledger) {
        this.identity = identity;
        this.agents = agents;
        this.ledger = ledger;
    }

    public void requireMayRead(String leadId) {
        if (identity.hasRole(Roles.CALLER) || agents.supervises()) {
            return;
        }
        boolean theirs = ledger.find(leadId).map(view -> agents.isAgent(view.item().agentId())).orElse(false);
        if (!theirs) {
            throw new ForbiddenException("an agent reads only the leads whose work is offered to or accepted by them");
        }
    }
}
