package org.leadrouter.assignment;

/** No agent, offer or work item with this id; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
    }

    protected NotFoundException(String what, String id, String detail) {
        super("no " + what + " with id '" + id + "' yet: " + detail);
    }
}
