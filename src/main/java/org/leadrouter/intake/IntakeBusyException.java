package org.leadrouter.intake;

/** The lead was not queued for recording (queue full, or the service is stopping); answered with 503. */
public class IntakeBusyException extends RuntimeException {

    public IntakeBusyException(String message) {
        super(message);
    }
}
