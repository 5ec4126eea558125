package org.leadrouter.intake;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.db.RecordUnavailableException;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.Problem;

/** Problem answers for the record: leads it cannot store or read back, and a database or queue that cannot take more. */
public class IntakeProblems {

    /** Seconds a caller should wait before retrying a 503: a few batches' worth. */
    private static final String RETRY_AFTER = "1";

    @ServerExceptionMapper
    public Response unstorable(UnstorableLeadException e) {
        return unprocessable("unstorable-lead", e.getMessage(), "body");
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableRecordException e) {
        return unprocessable("unreadable-record", e.getMessage(), "lead");
    }

    private static Response unprocessable(String kind, String detail, String field) {
        return new Problem("urn:leadrouter:problem:" + kind, "Unprocessable Content", 422, detail,
                List.of(new FieldProblem(field, detail))).toResponse();
    }

    @ServerExceptionMapper
    public Response busy(IntakeBusyException e) {
        return unavailable("intake-busy", e.getMessage());
    }

    @ServerExceptionMapper
    public Response recordUnavailable(RecordUnavailableException e) {
        return unavailable("record-unavailable", e.getMessage());
    }

    private static Response unavailable(String kind, String detail) {
        Response answer = Problem.of(Response.Status.SERVICE_UNAVAILABLE, kind, detail, List.of()).toResponse();
        return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).build();
    }
}
