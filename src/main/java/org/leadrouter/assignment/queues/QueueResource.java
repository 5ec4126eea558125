package org.leadrouter.assignment.queues;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Queues: settings, depth and oldest waiting item. */
@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final QueueStatus status;

    public QueueResource(QueueStatus status) {
        this.status = status;
    }

    @GET
    public List<QueueView> list() {
        return status.queues();
    }
}
