package org.leadrouter.intake;

/**
 * A recorded row whose lead or decision cannot be read back (written by hand, or damaged).
 * Readers answer it as a problem or skip it; it never stops other records being read.
 */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String id, Throwable cause) {
        super("the record of lead '" + id + "' is stored but cannot be read back: " + cause.getMessage(), cause);
    }
}
