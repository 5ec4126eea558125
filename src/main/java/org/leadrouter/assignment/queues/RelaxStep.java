package org.leadrouter.assignment.queues;

/** After an item has waited {@code afterSeconds}, its required skill levels are {@code levels} lower (never below 1). */
public record RelaxStep(int afterSeconds, int levels) {
}
