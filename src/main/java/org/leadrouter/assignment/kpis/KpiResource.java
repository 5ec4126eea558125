package org.leadrouter.assignment.kpis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InstantField;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.security.Roles;

/** Assignment KPIs of the leads routed in a window (default: the last 24 hours). */
@Path("/assignment/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {

    private final KpiReport report;
    private final AssignmentClock clock;

    public KpiResource(KpiReport report, AssignmentClock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Assignment KPIs", description = "Time to assign, acceptance, SLA breaches of the leads routed in a window (default: the last 24 hours). Roles: manager.")
    public AssignmentKpis get(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant end = InstantField.parse(to, "to", problems);
        Instant start = InstantField.parse(from, "from", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the window is not valid", problems);
        }
        end = end == null ? clock.now().plusNanos(1000) : end;
        start = start == null ? end.minus(Duration.ofDays(1)) : start;
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("the window is empty", List.of(new FieldProblem("from", "must be before to")));
        }
        return report.report(start, end);
    }
}
