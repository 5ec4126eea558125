package org.leadrouter.assignment.offering;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.AgentAccess;
import org.leadrouter.security.Roles;

/** An agent asking for work: under /agents, but served here because it is an assignment step. */
@Path("/agents/{id}/pull")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
public class PullResource {

    private final Supervision supervision;
    private final AgentAccess access;

    public PullResource(Supervision supervision, AgentAccess access) {
        this.supervision = supervision;
        this.access = access;
    }

    /** 200 with the item now held as accepted work, or 204 when nothing waits that the agent qualifies for. */
    @POST
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Pull the next work item", description = "The next waiting item the agent qualifies for (waiting order, never one they refused), as accepted work, whatever their presence and hours; 204 when there is none, 409 when they have no room. Roles: agent (their own only), manager.")
    public Response pull(@PathParam("id") String id) {
        access.requireActingFor(id, "agent " + id);
        return supervision.pull(id, access.name()).map(item -> Response.ok(item).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
