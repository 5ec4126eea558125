package org.leadrouter.assignment.offering;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkLedger;
import org.leadrouter.assignment.work.WorkView;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.StorableText;
import org.leadrouter.security.AgentAccess;
import org.leadrouter.security.Roles;

/** Work items (one per routed lead, same id): read one, complete accepted work, and supervisors' actions on them. */
@Path("/work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work")
public class WorkResource {

    private final WorkLedger ledger;
    private final Assigner assigner;
    private final AgentAccess access;
    private final Supervision supervision;

    public WorkResource(WorkLedger ledger, Assigner assigner, AgentAccess access, Supervision supervision) {
        this.ledger = ledger;
        this.assigner = assigner;
        this.access = access;
        this.supervision = supervision;
    }

    /** Where a supervisor sends an item: {@code queue} or {@code agent}, exactly one of them. */
    public record Target(String queue, String agent) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Read a work item", description = "The item with its offers and history. Roles: agent (work offered to or accepted by them only), manager.")
    public WorkView get(@PathParam("id") String id) {
        WorkView view = ledger.require(id, "work item");
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

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Transfer a work item", description = "To another queue ({\"queue\": ...}) or to one agent alone ({\"agent\": ...}, skills waived); an open offer is withdrawn or accepted work taken back, and the item waits there afresh (new SLA) and is offered at once if someone can take it. Roles: manager.")
    public WorkItem transfer(@PathParam("id") String id, Target target) {
        List<FieldProblem> problems = new ArrayList<>();
        String queue = name(target == null ? null : target.queue(), "queue", problems);
        String agent = name(target == null ? null : target.agent(), "agent", problems);
        if (problems.isEmpty() && (queue == null) == (agent == null)) {
            problems.add(new FieldProblem(queue == null ? "queue" : "agent", "give exactly one of queue and agent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the transfer is not valid", problems);
        }
        return supervision.transfer(id, queue, agent, access.name());
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Assign a work item to an agent", description = "Work not yet accepted goes to the named agent ({\"agent\": ...}) as accepted work, whatever their skills and presence; 409 if they have no room. Roles: manager.")
    public WorkItem assign(@PathParam("id") String id, Target target) {
        return supervision.assign(id, agentOf(target), access.name());
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Reassign accepted work", description = "Accepted work moves to the named agent ({\"agent\": ...}); 409 if they have no room or the work is not accepted. Roles: manager.")
    public WorkItem reassign(@PathParam("id") String id, Target target) {
        return supervision.reassign(id, agentOf(target), access.name());
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Release an escalated work item", description = "Back to the queue it was escalated from, its skills required again, to wait afresh (new SLA). Roles: manager.")
    public WorkItem release(@PathParam("id") String id) {
        return supervision.release(id, access.name());
    }

    private static String agentOf(Target target) {
        List<FieldProblem> problems = new ArrayList<>();
        String agent = name(target == null ? null : target.agent(), "agent", problems);
        if (agent == null && problems.isEmpty()) {
            problems.add(new FieldProblem("agent", "required"));
        }
        if (target != null && target.queue() != null) {
            problems.add(new FieldProblem("queue", "not allowed here: work is assigned to an agent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the assignment is not valid", problems);
        }
        return agent;
    }

    /** A queue or agent name: null if not given; 1 to 128 (agent) or 1024 (queue) characters the record can keep. */
    private static String name(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        int max = field.equals("agent") ? 128 : 1024;
        Optional<String> unstorable = StorableText.problem(value);
        if (unstorable.isPresent()) {
            problems.add(new FieldProblem(field, unstorable.get()));
            return null;
        }
        if (value.isBlank() || value.length() > max) {
            problems.add(new FieldProblem(field, "must be 1 to " + max + " characters"));
            return null;
        }
        return value.trim();
    }
}
