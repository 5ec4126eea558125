package org.leadrouter.assignment;

/** The thing exists but is not in a state that allows this (an offer already closed); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
