package org.leadrouter.assignment;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.assignment.work.ItemPendingException;
import org.leadrouter.problem.Problem;

/** Problem answers for agents, queues, offers and work. */
public class AssignmentProblems {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage(), List.of()).toResponse();
    }

    /** A recorded lead's item about to be made: worth asking again in a second. */
    @ServerExceptionMapper
    public Response pending(ItemPendingException e) {
        Response problem = Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage(), List.of()).toResponse();
        return Response.fromResponse(problem).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage(), List.of()).toResponse();
    }
}
