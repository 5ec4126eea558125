package org.leadrouter.assignment.work;

import java.util.Optional;
import org.leadrouter.problem.NotFoundException;

/**
 * No work item yet for a lead that is recorded: items are committed with their lead, but when
 * making one fails the lead is recorded without it and the item is made once the database
 * answers again. Answered 404 with {@code Retry-After}, so a client can tell "not yet" from "never".
 */
public class ItemPendingException extends NotFoundException {

    public ItemPendingException(String id) {
        super("work item", id, "lead '" + id + "' is recorded and its work item is not made yet; retry shortly");
    }

    /** A recorded lead's item to be made: worth asking again in a second. */
    @Override
    public Optional<String> retryAfter() {
        return Optional.of("1");
    }
}
