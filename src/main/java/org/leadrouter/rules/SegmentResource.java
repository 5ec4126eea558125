package org.leadrouter.rules;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.problem.FieldProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.NotFoundException;
import org.leadrouter.problem.Problem;
import org.leadrouter.rules.reload.ReloadWorker;
import org.leadrouter.rules.reload.ReloadBusyException;
import org.leadrouter.security.Roles;

/**
 * Segments and their rule versions. Reloads answer once the version is compiled and gated, with
 * the outcome (promoted, or rejected with every error); a rejected version is a normal answer,
 * not an HTTP error, because the request itself was fine. Reloads and rollbacks record who asked.
 *
 * <p>Compiling is done by the {@link ReloadWorker}, never on the request's thread: the answer
 * waits without holding an HTTP worker, which other segments' leads need meanwhile.
 */
@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@RolesAllowed(Roles.ANALYST)
@Blocking
public class SegmentResource {

    static final int MAX_CHANGES = 1000;

    private final SegmentRegistry registry;
    private final VersionJournal journal;
    private final SecurityIdentity identity;
    private final ReloadWorker worker;

    public SegmentResource(SegmentRegistry registry, VersionJournal journal, SecurityIdentity identity,
                           ReloadWorker worker) {
        this.registry = registry;
        this.journal = journal;
        this.identity = identity;
        this.worker = worker;
    }

    @GET
    @Operation(summary = "List segments", description = "Each segment's active version, kept versions, last rejected attempt and rollbacks. Roles: analyst.")
    public List<SegmentStatus> list() {
        return registry.statuses();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Read a segment", description = "One segment's status, as in the list. Roles: analyst.")
    public SegmentStatus get(@PathParam("name") String name) {
        return registry.status(name).orElseThrow(() -> notFound(name));
    }

    /** Reloads every segment folder, adds new ones and retires segments whose folder is gone. */
    @POST
    @Path("/reload")
    @Operation(summary = "Reload every segment", description = "Reloads every segment folder through the gates, adds new ones, retires those whose folder is gone. Roles: analyst.")
    public CompletionStage<List<ReloadOutcome>> reloadAll() {
        String actor = actor();
        return worker.submit(() -> registry.reloadAll(actor));
    }

    @POST
    @Path("/{name}/reload")
    @Operation(summary = "Reload a segment", description = "Compiles and gates the segment's folder; the answer says promoted or rejected with every error. Roles: analyst.")
    public CompletionStage<ReloadOutcome> reload(@PathParam("name") String name) {
        if (!registry.knows(name) && !registry.hasFolder(name)) {
            throw notFound(name);
        }
        String actor = actor();
        return worker.submit(() -> registry.reload(name, actor));
    }

    /** Back to the previous good version kept; the folder's files are not touched. */
    @POST
    @Path("/{name}/rollback")
    @Operation(summary = "Roll a segment back", description = "Back to the previous good version kept (in the record, so also after a restart); the files are not touched. Roles: analyst.")
    public CompletionStage<ReloadOutcome> rollback(@PathParam("name") String name) {
        if (!registry.knows(name)) {
            throw notFound(name);
        }
        String actor = actor();
        // A rollback compiles the version it returns to.
        return worker.submit(() -> registry.rollback(name, actor).orElseThrow(() -> new ClientErrorException(
                "segment '" + name + "' has no earlier good version to roll back to", Response.Status.CONFLICT)));
    }

    @ServerExceptionMapper
    public Response busy(ReloadBusyException e) {
        Response answer = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "reload-busy", e.getMessage(), List.of()).toResponse();
        return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    /** Who changed what when, from the record: it outlives restarts, unlike the history kept in memory. */
    @GET
    @Path("/{name}/changes")
    @Operation(summary = "A segment's changes", description = "Promotions (with gate reports and file hashes), re-checks after a scenario change, rejected attempts with every error, rollbacks, quarantines and retirements, newest first, with who asked (null: the watcher or start-up). Kept in the database across restarts. Roles: analyst.")
    public List<VersionEvent> changes(@PathParam("name") String name,
                                      @Parameter(description = "at most this many, 1 to 1000 (default 50)") @QueryParam("limit") String limit) {
        int count = limitOf(limit);
        List<VersionEvent> changes = journal.recent(name, count);
        if (changes.isEmpty() && !registry.knows(name) && !registry.hasFolder(name)) {
            throw notFound(name);
        }
        return changes;
    }

    private static int limitOf(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int count = Integer.parseInt(limit.strip());
            if (count >= 1 && count <= MAX_CHANGES) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw new InvalidRequestException("limit is not a number of changes",
                List.of(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_CHANGES)));
    }

    /** The credential's name; the registry records it with the change. */
    private String actor() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private NotFoundException notFound(String name) {
        return new NotFoundException("no segment named '" + name + "' and no folder for it under the rules root");
    }
}
