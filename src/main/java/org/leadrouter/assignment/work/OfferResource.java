package org.leadrouter.assignment.work;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.StorableText;

/** An agent's answer to an offer. */
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final Assigner assigner;

    public OfferResource(Assigner assigner) {
        this.assigner = assigner;
    }

    @POST
    @Path("/{id}/accept")
    public Offer accept(@PathParam("id") long id) {
        return assigner.accept(id);
    }

    public record Decline(String reason) {
    }

    /** The item goes to another agent (never back to this one) or, refused too often, is escalated. */
    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Offer decline(@PathParam("id") long id, Decline decline) {
        if (decline == null || decline.reason() == null || decline.reason().isBlank() || decline.reason().length() > 1024) {
            throw new InvalidRequestException("a decline needs a reason",
                    List.of(new FieldProblem("reason", "required, at most 1024 characters")));
        }
        StorableText.problem(decline.reason()).ifPresent(problem -> {
            throw new InvalidRequestException("the reason cannot be kept", List.of(new FieldProblem("reason", problem)));
        });
        return assigner.decline(id, decline.reason().trim());
    }
}
