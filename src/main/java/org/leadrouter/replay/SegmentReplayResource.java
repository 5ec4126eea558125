package org.leadrouter.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.Problem;
import org.leadrouter.security.Roles;

/** {@code POST /segments/{name}/replay}: what would change, decided over recorded leads. */
@Path("/segments/{name}/replay")
@Tag(name = "Segments")
public class SegmentReplayResource {

    /** {@code folder}: a candidate rules folder to compare with the active version; absent compares with the recorded decisions. */
    public record ReplayRequest(String folder) {
    }

    private final ReplayService replays;
    private final ObjectMapper mapper;

    public SegmentReplayResource(ReplayService replays, ObjectMapper mapper) {
        this.replays = replays;
        this.mapper = mapper;
    }

    // The body is optional, so it is read as text: a bodiless POST has no content type to bind by.
    @POST
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Replay recorded leads", description = "What would change if a candidate version decided the segment's recorded leads; counts only, no lead content. Roles: analyst.")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ReplayReport replay(@PathParam("name") String segment, String body) throws SQLException, JsonProcessingException {
        ReplayRequest request = body == null || body.isBlank() ? null : mapper.readValue(body, ReplayRequest.class);
        return replays.replay(segment, request == null ? null : request.folder());
    }

    @ServerExceptionMapper
    public Response rejected(CandidateRejectedException e) {
        return new Problem("urn:leadrouter:problem:rules-rejected", "Unprocessable Content", 422, e.getMessage(),
                e.result().problems().stream().map(p -> new FieldProblem("folder", p.describe())).toList()).toResponse();
    }
}
