package org.leadrouter.assignment;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.problem.Problem;

/** Problem answers for agents, queues, offers and work in a state that forbids the request. */
public class AssignmentProblems {

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage(), List.of()).toResponse();
    }
}
