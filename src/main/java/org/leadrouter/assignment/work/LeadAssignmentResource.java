package org.leadrouter.assignment.work;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.leadrouter.assignment.NotFoundException;

/** A lead's assignment history, beside the lead's record at /leads/{id}. */
@Path("/leads/{id}/assignment")
@Produces(MediaType.APPLICATION_JSON)
public class LeadAssignmentResource {

    private final WorkLedger ledger;

    public LeadAssignmentResource(WorkLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    public WorkView get(@PathParam("id") String id) {
        return ledger.find(id).orElseThrow(() -> new NotFoundException("assignment for lead", id));
    }
}
