package org.leadrouter.intake;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.LeadAccess;
import org.leadrouter.security.Roles;

/**
 * Leads recorded with their decisions. POST answers 201 with the decision once the record is
 * committed, or 200 with the recorded decision when the lead's id was recorded before (the id
 * is the idempotency key, so a retried POST is safe).
 */
@Path("/leads")
@Tag(name = "Leads")
public class LeadResource {

    private final LeadIntake intake;
    private final LeadAccess access;

    public LeadResource(LeadIntake intake, LeadAccess access) {
        this.intake = intake;
        this.access = access;
    }

    // Validating and routing are CPU only, so they run on the event loop; the database write is
    // the writer thread's. The answer is built back on this request's context, where Quarkus finds
    // the request to make the Location absolute. A plain CompletionStage: a Mutiny chain here
    // captured and restored the thread context at each of its three steps (docs/performance.md).
    @POST
    @NonBlocking
    @RolesAllowed(Roles.CALLER)
    @Operation(summary = "Record a lead and answer its route", description = "Validates, routes and records the lead; 201 with the decision once committed, 200 with the recorded decision if the id was recorded before. Roles: caller.")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> submit(String body) {
        Context context = Vertx.currentContext();
        CompletionStage<Recording> recording = intake.submit(body);
        return context == null ? recording.thenApply(LeadResource::answer)
                : recording.thenApplyAsync(LeadResource::answer, task -> context.runOnContext(ignored -> task.run()));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALLER, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Read a recorded lead with its decision", description = "The lead as received, contact included, with its decision. Roles: caller, manager; an agent only for a lead whose work is offered to or accepted by them.")
    public LeadRecord get(@PathParam("id") String id) {
        access.requireMayRead(id);
        return intake.find(id);
    }

    private static Response answer(Recording recording) {
        URI location = URI.create("leads/" + PathSegments.encode(recording.record().lead().id()));
        Response.ResponseBuilder response = recording.created() ? Response.created(location) : Response.ok().location(location);
        return response.entity(recording.record().decision()).build();
    }
}
