package org.leadrouter.problem;

import java.util.List;

/** A request that names bad fields (a lead that is not a lead, an agent with skill level 11); answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
