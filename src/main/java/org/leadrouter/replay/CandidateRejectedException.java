package org.leadrouter.replay;

import org.leadrouter.rules.LoadResult;

/** The folder given for a replay does not compile, so there is nothing to replay. */
public class CandidateRejectedException extends RuntimeException {

    private final transient LoadResult result;

    public CandidateRejectedException(LoadResult result) {
        super("the rules in the folder do not compile (" + result.version() + ")");
        this.result = result;
    }

    public LoadResult result() {
        return result;
    }
}
