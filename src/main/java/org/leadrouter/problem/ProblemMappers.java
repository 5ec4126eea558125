package org.leadrouter.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.lead.LeadTooLargeException;

/** Turns every error into a problem body; no stack trace ever reaches a caller. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage(), e.problems()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(LeadTooLargeException e) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", e.getMessage(),
                List.of(new FieldProblem("body", e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidArgument(IllegalArgumentException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage(), List.of()).toResponse();
    }

    /** Wins over the framework's own mapper of this type, which answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** Bodies bound by Jackson (everything but leads): name the field that did not bind. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        Optional<String> duplicate = JsonDuplicates.duplicateKey(e);
        if (duplicate.isPresent()) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-body", "the body gives a key twice",
                    List.of(new FieldProblem(duplicate.get(), "is given more than once"))).toResponse();
        }
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "body";
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-body", "the body could not be read",
                List.of(new FieldProblem(field, e.getOriginalMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        Response problem = Problem.of(Response.Status.NOT_FOUND, e.kind(), e.getMessage(), List.of()).toResponse();
        return e.retryAfter().map(seconds -> Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The framework wraps a body Jackson could not read in a bare 400.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String kind = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.of(status, kind, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error answering a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "the service failed to answer; the error is in its log", List.of()).toResponse();
    }
}
