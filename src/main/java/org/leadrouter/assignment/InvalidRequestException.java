package org.leadrouter.assignment;

import java.util.List;
import org.leadrouter.lead.FieldProblem;

/** A request about agents or work that names bad fields; answered with 400. */
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
