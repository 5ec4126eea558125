package org.leadrouter.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem body: what every 4xx and 5xx of this service answers with, so a caller
 * can always tell which field to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String kind, String detail, List<FieldProblem> errors) {
        return new Problem("urn:leadrouter:problem:" + kind, status.getReasonPhrase(), status.getStatusCode(), detail,
                errors == null ? List.of() : errors);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** For answers given before JAX-RS sees the request (HTTP filters). */
    public void writeTo(HttpServerResponse response) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(Json.encode(this));
    }
}
