package org.leadrouter.intake;

import org.leadrouter.problem.NotFoundException;

/** No lead with this id has been recorded; answered with 404. */
public class UnknownLeadException extends NotFoundException {

    public UnknownLeadException(String id) {
        super("no lead with id '" + id + "' has been recorded");
    }

    @Override
    public String kind() {
        return "unknown-lead";
    }
}
