package org.leadrouter.assignment.agents;

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
import org.leadrouter.assignment.work.Offer;

/** Agents: profiles, roster import, presence, and the offers waiting for them. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentDirectory directory;

    public AgentResource(AgentDirectory directory) {
        this.directory = directory;
    }

    @GET
    public List<AgentView> list() {
        return directory.list();
    }

    @GET
    @Path("/{id}")
    public AgentView get(@PathParam("id") String id) {
        return directory.find(id);
    }

    /** Creates (201) or replaces (200) the agent; load and, unless given, presence are kept. */
    @PUT
    @Path("/{id}")
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
    public AgentView presence(@PathParam("id") String id, PresenceChange change) {
        return directory.setPresence(id, change == null ? null : change.presence());
    }

    @GET
    @Path("/{id}/offers")
    public List<Offer> offers(@PathParam("id") String id) {
        return directory.openOffers(id);
    }

    /** A roster as CSV (text/csv) or JSON; all agents are saved or, if any is bad, none. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public AgentDirectory.RosterImported importRoster(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return directory.importRoster(body, contentType != null && contentType.startsWith("text/csv"));
    }
}
