package org.leadrouter.problem;

/** One bad field of a request body: its JSON path ("contact.email") and what is wrong with it. */
public record FieldProblem(String field, String problem) {
}
