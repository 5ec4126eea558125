package org.leadrouter.lead;

/** The body is over the size a lead can have; answered with 413 before any parsing. */
public class LeadTooLargeException extends RuntimeException {

    public LeadTooLargeException(int size, int limit) {
        super("body is " + size + " bytes; a lead may be at most " + limit + " bytes");
    }
}
