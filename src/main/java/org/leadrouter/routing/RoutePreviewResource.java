package org.leadrouter.routing;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.lead.LeadParser;
import org.leadrouter.security.Roles;

/** Decides a lead's route and records nothing: for analysts and callers trying rules out. */
@Path("/routes/preview")
@Tag(name = "Routing")
public class RoutePreviewResource {

    private final LeadParser parser;
    private final RoutingPipeline pipeline;

    public RoutePreviewResource(LeadParser parser, RoutingPipeline pipeline) {
        this.parser = parser;
        this.pipeline = pipeline;
    }

    // A decision is a few microseconds of CPU with no I/O: run it on the event loop.
    @POST
    @NonBlocking
    @RolesAllowed({Roles.CALLER, Roles.ANALYST})
    @Operation(summary = "Decide a lead's route without recording it", description = "The decision the active rules give this lead; nothing is recorded. Roles: caller, analyst.")

    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public RouteDecision preview(String body) {
        return pipeline.decide(parser.parse(body));
    }
}
