package org.leadrouter.assignment.work;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.leadrouter.assignment.NotFoundException;

/** Work items (one per routed lead, same id): read one, complete accepted work. */
@Path("/work")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

    private final WorkLedger ledger;
    private final Assigner assigner;

    public WorkResource(WorkLedger ledger, Assigner assigner) {
        this.ledger = ledger;
        this.assigner = assigner;
    }

    @GET
    @Path("/{id}")
    public WorkView get(@PathParam("id") String id) {
        return ledger.find(id).orElseThrow(() -> new NotFoundException("work item", id));
    }

    /** Frees the agent's unit of capacity; they are offered the next waiting item they can take. */
    @POST
    @Path("/{id}/complete")
    public WorkItem complete(@PathParam("id") String id) {
        return assigner.complete(id);
    }
}
