package org.leadrouter.assignment.agents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.security.AgentAccess;
import org.leadrouter.security.Roles;

/** Agents: profiles, roster import, presence, and the offers waiting for them. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
public class AgentResource {

    private final AgentDirectory directory;
    private final AgentAccess access;

    public AgentResource(AgentDirectory directory, AgentAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "List agents", description = "Every agent with presence and load. Roles: manager.")
    public List<AgentView> list() {
        return directory.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Read an agent", description = "An agent's profile, presence and load. Roles: manager.")
    public AgentView get(@PathParam("id") String id) {
        return directory.find(id);
    }

    /** Creates (201) or replaces (200) the agent; load and, unless given, presence are kept. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Create or replace an agent", description = "201 when created, 200 when replaced; load and, unless given, presence are kept. Roles: manager.")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, AgentProfile profile) {
        boolean created = directory.save(id, profile);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(directory.find(id)).build();
    }

    public record PresenceChange(String presence) {
    }

    @PUT
    @Path("/{id}/presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Set an agent's presence", description = "ONLINE, AWAY or OFFLINE. Roles: agent (their own only), manager.")
    public AgentView presence(@PathParam("id") String id, PresenceChange change) {
        access.requireActingFor(id, "agent " + id);
        return directory.setPresence(id, change == null ? null : change.presence());
    }

    @GET
    @Path("/{id}/offers")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "An agent's open offers", description = "The offers waiting for the agent's answer. Roles: agent (their own only), manager.")
    public List<Offer> offers(@PathParam("id") String id) {
        access.requireActingFor(id, "agent " + id);
        return directory.openOffers(id);
    }

    /** A roster as CSV (text/csv) or JSON; all agents are saved or, if any is bad, none. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Import a roster", description = "A roster as CSV (text/csv) or a JSON array; all agents are saved or, if any is bad, none. Roles: manager.")
    public AgentDirectory.RosterImported importRoster(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return directory.importRoster(body, contentType != null && contentType.startsWith("text/csv"));
    }
}
