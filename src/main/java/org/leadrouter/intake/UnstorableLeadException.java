package org.leadrouter.intake;

/** The database refused this lead alone (a data or constraint error); answered with 422, and a retry would fail the same way. */
public class UnstorableLeadException extends RuntimeException {

    public UnstorableLeadException(String id, Throwable cause) {
        super("the database cannot hold lead '" + id + "' as sent"
                + DataErrors.sqlState(cause).map(state -> " (SQLSTATE " + state + ")").orElse("")
                + "; it was not recorded, and retrying it unchanged will fail the same way", cause);
    }
}
