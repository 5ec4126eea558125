package org.leadrouter.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.Roles;

/**
 * Segments and their rule versions. Reloads answer once the version is compiled and gated, with
 * the outcome (promoted, or rejected with every error); a rejected version is a normal answer,
 * not an HTTP error, because the request itself was fine.
 */
@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@RolesAllowed(Roles.ANALYST)
public class SegmentResource {

    private final SegmentRegistry registry;

    public SegmentResource(SegmentRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List segments", description = "Each segment's active version, kept versions, last rejected attempt and rollbacks. Roles: analyst.")
    public List<SegmentStatus> list() {
        return registry.statuses();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Read a segment", description = "One segment's status, as in the list. Roles: analyst.")
    public SegmentStatus get(@PathParam("name") String name) {
        return registry.status(name).orElseThrow(() -> notFound(name));
    }

    /** Reloads every segment folder, adds new ones and retires segments whose folder is gone. */
    @POST
    @Path("/reload")
    @Operation(summary = "Reload every segment", description = "Reloads every segment folder through the gates, adds new ones, retires those whose folder is gone. Roles: analyst.")
    public List<ReloadOutcome> reloadAll() {
        return registry.reloadAll();
    }

    @POST
    @Path("/{name}/reload")
    @Operation(summary = "Reload a segment", description = "Compiles and gates the segment's folder; the answer says promoted or rejected with every error. Roles: analyst.")
    public ReloadOutcome reload(@PathParam("name") String name) {
        if (!registry.knows(name) && !registry.hasFolder(name)) {
            throw notFound(name);
        }
        return registry.reload(name);
    }

    /** Back to the previous good version kept in memory; the folder's files are not touched. */
    @POST
    @Path("/{name}/rollback")
    @Operation(summary = "Roll a segment back", description = "Back to the previous good version kept in memory; the files are not touched. Roles: analyst.")
    public ReloadOutcome rollback(@PathParam("name") String name) {
        if (!registry.knows(name)) {
            throw notFound(name);
        }
        return registry.rollback(name).orElseThrow(() -> new ClientErrorException(
                "segment '" + name + "' has no earlier good version in memory to roll back to", Response.Status.CONFLICT));
    }

    private NotFoundException notFound(String name) {
        return new NotFoundException("no segment named '" + name + "' and no folder for it under the rules root");
    }
}
