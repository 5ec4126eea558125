package org.leadrouter.assignment.work;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

    public OfferResource(Assigner assigner, WorkLedger ledger, AgentAccess access) {
        this.assigner = assigner;
        this.ledger = ledger;
        this.access = access;
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Accept an offer", description = "The offered agent takes the work item. Roles: agent (offers made to them only), manager.")
    public Offer accept(@PathParam("id") long id) {
        requireOwnOffer(id);
        return assigner.accept(id);
    }

    public record Decline(String reason) {
    }

    /** The item goes to another agent (never back to this one) or, refused too often, is escalated. */
    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.MANAGER})
    @Operation(summary = "Decline an offer", description = "With a reason; the item goes to another agent or, refused too often, is escalated. Roles: agent (offers made to them only), manager.")
    public Offer decline(@PathParam("id") long id, Decline decline) {
        requireOwnOffer(id);
        if (decline == null || decline.reason() == null || decline.reason().isBlank() || decline.reason().length() > 1024) {
            throw new InvalidRequestException("a decline needs a reason",
                    List.of(new FieldProblem("reason", "required, at most 1024 characters")));
        }
        StorableText.problem(decline.reason()).ifPresent(problem -> {
            throw new InvalidRequestException("the reason cannot be kept", List.of(new FieldProblem("reason", problem)));
        });
        return assigner.decline(id, decline.reason().trim());
    }

    // An unknown offer is left to the assigner's 404.
    private void requireOwnOffer(long id) {
        ledger.offer(id).ifPresent(offer -> access.requireActingFor(offer.agentId(), "offer " + id));
    }
}
