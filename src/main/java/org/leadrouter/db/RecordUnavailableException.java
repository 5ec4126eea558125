package org.leadrouter.db;

/** The database did not answer, so nothing was recorded (or read); answered with 503. */
public class RecordUnavailableException extends RuntimeException {

    public RecordUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
