package org.leadrouter.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.problem.Problem;

/** 401 and 403 as problem bodies, like every other refusal of this service. */
public class SecurityProblems {

    static final String CREDENTIAL_NEEDED = "send a credential: 'Authorization: Bearer <API key or JWT>'";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return unauthorizedProblem().toResponseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbiddenProblem(e.getMessage()).toResponse();
    }

    static Problem unauthorizedProblem() {
        return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", CREDENTIAL_NEEDED, List.of());
    }

    static Problem forbiddenProblem(String detail) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden",
                detail == null || detail.isBlank() ? "this credential's roles do not allow this request" : detail, List.of());
    }
}
