package org.leadrouter.rules.reload;

/** Too many reloads are waiting already; answered with 503 and a Retry-After. */
public class ReloadBusyException extends RuntimeException {

    public ReloadBusyException(int waiting) {
        super(waiting + " reloads are waiting already; try again once they are done");
    }
}
