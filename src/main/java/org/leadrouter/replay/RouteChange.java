package org.leadrouter.replay;

/** How many replayed leads moved from one queue to another. */
public record RouteChange(String from, String to, int leads) {
}
