package org.leadrouter.problem;

import java.util.Optional;

/**
 * Nothing by that name or id (a segment, lead, agent, offer or work item); answered with 404 and
 * the problem type {@code not-found}, or the narrower one a subclass names.
 */
public class NotFoundException extends RuntimeException {

    /** For things named rather than numbered; the detail is the whole answer. */
    public NotFoundException(String detail) {
        super(detail);
    }

    public NotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
    }

    protected NotFoundException(String what, String id, String detail) {
        super("no " + what + " with id '" + id + "' yet: " + detail);
    }

    /** The problem type's last part. */
    public String kind() {
        return "not-found";
    }

    /** Seconds after which asking again may find it; empty when it will not come by waiting. */
    public Optional<String> retryAfter() {
        return Optional.empty();
    }
}
