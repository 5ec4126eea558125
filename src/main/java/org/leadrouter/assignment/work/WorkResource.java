package org.leadrouter.assignment.work;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.NotFoundException;
import org.leadrouter.security.AgentAccess;
import org.leadrouter.security.Roles;

/** Work items (one per routed lead, same id): read one, complete accepted work. */
@Path("/work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work")
public class WorkResource {

    private final WorkLedger ledger;
    private final Assigner assigner;
    private final AgentAccess access;

    public WorkResource(WorkLedger ledger, Assigner assigner, AgentAccess access) {
        this.ledger = ledger;
        this.assigner = assigner;
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Read a work item", description = "The item with its offers and history. Roles: agent (work offered to or accepted by them only), manager.")
    public WorkView get(@PathParam("id") String id) {
        WorkView view = ledger.find(id).orElseThrow(() -> new NotFoundException("work item", id));
        access.requireActingFor(view.item().agentId(), "work item " + id);
        return view;
    }

    /** Frees the agent's unit of capacity; they are offered the next waiting item they can take. */
    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Complete accepted work", description = "Frees the agent's unit of capacity; they are offered the next waiting item they can take. Roles: agent (their own work only), manager.")
    public WorkItem complete(@PathParam("id") String id) {
        ledger.find(id).ifPresent(view -> access.requireActingFor(view.item().agentId(), "work item " + id));
        return assigner.complete(id);
    }
}
