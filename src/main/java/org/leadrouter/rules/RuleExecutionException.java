package org.leadrouter.rules;

/** A segment's rules failed on one lead: a rule threw, or the rules kept firing past the bound. */
public class RuleExecutionException extends RuntimeException {

    public RuleExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
