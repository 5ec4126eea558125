package org.leadrouter.assignment.work;

import java.util.Optional;
import org.leadrouter.problem.NotFoundException;

/**
 * No work item yet for a lead that is recorded: items are made just after the lead's commit, on
 * another thread, so a read right after {@code POST /leads} can come before it. Answered 404 with
 * {@code Retry-After}, so a client can tell "not yet" from "never".
 */
public class ItemPendingException extends NotFoundException {

    public ItemPendingException(String id) {
        super("work item", id, "lead '" + id + "' is recorded and its work item is made just after; retry shortly");
    }

    /** A recorded lead's item about to be made: worth asking again in a second. */
    @Override
    public Optional<String> retryAfter() {
        return Optional.of("1");
    }
}
