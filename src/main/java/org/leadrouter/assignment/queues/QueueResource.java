package org.leadrouter.assignment.queues;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.Roles;

/** Queues: settings, depth and oldest waiting item. */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues")
public class QueueResource {

    private final QueueStatus status;

    public QueueResource(QueueStatus status) {
        this.status = status;
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "List queues", description = "Each queue's settings, depth and oldest waiting item. Roles: manager.")
    public List<QueueView> list() {
        return status.queues();
    }
}
