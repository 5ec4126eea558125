package org.leadrouter.intake;

/** No lead with this id has been recorded; answered with 404. */
public class UnknownLeadException extends RuntimeException {

    public UnknownLeadException(String id) {
        super("no lead with id '" + id + "' has been recorded");
    }
}
