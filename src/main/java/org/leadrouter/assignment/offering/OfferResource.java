package org.leadrouter.assignment.offering;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.WorkLedger;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.StorableText;
import org.leadrouter.security.AgentAccess;
import org.leadrouter.security.Roles;

/** An agent's answer to an offer. */
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers")
public class OfferResource {

    private final Assigner assigner;
    private final WorkLedger ledger;
    private final AgentAccess access;
    private final List<String> reasonCodes;

    public OfferResource(Assigner assigner, WorkLedger ledger, AgentAccess access, AssignmentConfig config) {
        this.assigner = assigner;
        this.ledger = ledger;
        this.access = access;
        this.reasonCodes = List.copyOf(config.declineReasons());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Accept an offer", description = "The offered agent takes the work item. Roles: agent (offers made to them only), manager.")
    public Offer accept(@PathParam("id") long id) {
        requireOwnOffer(id);
        return assigner.accept(id);
    }

    /** {@code code}: one of leadrouter.assignment.decline-reasons; {@code reason}: optional free text. */
    public record Decline(String code, String reason) {
    }

    /** The item goes to another agent (never back to this one) or, refused too often, is escalated. */
    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Decline an offer", description = "With a reason code from the configured list and optional free text; the item goes to another agent or, refused too often, is escalated. Roles: agent (offers made to them only), manager.")
    public Offer decline(@PathParam("id") long id, Decline decline) {
        requireOwnOffer(id);
        List<FieldProblem> problems = new ArrayList<>();
        String code = decline == null ? null : decline.code();
        if (code == null || !reasonCodes.contains(code)) {
            problems.add(new FieldProblem("code", "required, one of " + String.join(", ", reasonCodes)));
        }
        String note = decline == null || decline.reason() == null || decline.reason().isBlank() ? null : decline.reason().trim();
        if (note != null && note.length() > 1024) {
            problems.add(new FieldProblem("reason", "at most 1024 characters"));
        } else if (note != null) {
            StorableText.problem(note).ifPresent(problem -> problems.add(new FieldProblem("reason", problem)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the decline is not valid", problems);
        }
        return assigner.decline(id, code, note);
    }

    // An unknown offer is left to the assigner's 404.
    private void requireOwnOffer(long id) {
        ledger.offer(id).ifPresent(offer -> access.requireActingFor(offer.agentId(), "offer " + id));
    }
}
