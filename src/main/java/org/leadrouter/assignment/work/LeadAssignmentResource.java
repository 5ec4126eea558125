package org.leadrouter.assignment.work;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.Roles;

/** A lead's assignment history, beside the lead's record at /leads/{id}. */
@Path("/leads/{id}/assignment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work")
public class LeadAssignmentResource {

    private final WorkLedger ledger;

    public LeadAssignmentResource(WorkLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @RolesAllowed({Roles.CALLER, Roles.MANAGER})
    @Operation(summary = "A lead's assignment", description = "The lead's work item, every offer made of it and its history. Roles: caller, manager.")
    public WorkView get(@PathParam("id") String id) {
        return ledger.require(id, "assignment for lead");
    }
}
