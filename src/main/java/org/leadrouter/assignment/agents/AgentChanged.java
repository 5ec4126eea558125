package org.leadrouter.assignment.agents;

/**
 * An agent's profile was saved or their presence set, after the commit. Assignment listens so
 * that agents need not know it: OFFLINE gives their open offers back, anything else may get them
 * work. {@code presence} is null when a saved profile left it unchanged.
 */
public record AgentChanged(String agentId, Presence presence) {
}
