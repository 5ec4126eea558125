package org.leadrouter.rules.tables;

/** A cell that cannot be turned into a rule, said in the analyst's words. */
final class CellProblem extends RuntimeException {

    CellProblem(String message) {
        super(message, null, false, false);
    }
}
