package org.leadrouter.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which agent a request may act for: a manager (or admin) acts for any agent as a supervisor, an
 * agent only for themselves. The agent is the credential's name, never a header or a body field:
 * offer ids are sequential, so this check is what keeps one agent off another's offers.
 */
@ApplicationScoped
public class AgentAccess {

    private final SecurityIdentity identity;

    public AgentAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Who is acting: the credential's name, as recorded in a work item's history. */
    public String name() {
        return identity.getPrincipal().getName();
    }

    public boolean supervises() {
        return identity.hasRole(Roles.MANAGER);
    }

    public boolean isAgent(String agentId) {
        return identity.hasRole(Roles.AGENT) && identity.getPrincipal().getName().equals(agentId);
    }

    /** Refuses (403) unless the caller may act for this agent. */
    public void requireActingFor(String agentId, String what) {
        if (!supervises() && !isAgent(agentId)) {
            throw new ForbiddenException(what + " belongs to another agent; an agent acts only on their own");
        }
    }
}
