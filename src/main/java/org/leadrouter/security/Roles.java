package org.leadrouter.security;

import java.util.List;

/**
 * The roles every endpoint is annotated with. Each role is a job, not a rank: an analyst changes
 * rules but never sees a contact; {@link #ADMIN} alone is expanded to every other role
 * ({@link AdminHasEveryRole}), so it is never named on an endpoint.
 */
public final class Roles {

    /** Systems posting leads and reading them back; previews. */
    public static final String CALLER = "caller";
    /** One agent: their own offers, work and presence. Their credential's name is their agent id. */
    public static final String AGENT = "agent";
    /** Agents, queues, roster, KPIs; acts for any agent as a supervisor. */
    public static final String MANAGER = "manager";
    /** Segments and their rules: status, reload, replay, rollback. */
    public static final String ANALYST = "analyst";
    /** Everything. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CALLER, AGENT, MANAGER, ANALYST, ADMIN);

    private Roles() {
    }
}
