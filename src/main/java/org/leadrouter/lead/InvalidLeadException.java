package org.leadrouter.lead;

import java.util.List;

/** The body is not a lead at all; answered with 400 and every bad field. */
public class InvalidLeadException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidLeadException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
