package org.leadrouter.assignment.agents;

/** Whether an agent can take work now. Only ONLINE agents are offered work. */
public enum Presence {
    ONLINE, BUSY, AWAY, OFFLINE
}
