package org.leadrouter.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.kpis.KpiWindow;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.NotFoundException;
import org.leadrouter.rules.SegmentRegistry;
import org.leadrouter.security.Roles;

/** Rule coverage of a segment, for the analyst's quarterly review: JSON, or CSV for a spreadsheet. */
@Path("/segments/{name}/coverage")
@Tag(name = "Segments")
public class CoverageResource {

    static final String CSV = "text/csv";

    private final CoverageReport report;
    private final SegmentRegistry registry;
    private final AssignmentClock clock;
    private final AssignmentConfig config;

    public CoverageResource(CoverageReport report, SegmentRegistry registry, AssignmentClock clock, AssignmentConfig config) {
        this.report = report;
        this.registry = registry;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Rule coverage", description = "How often each rule fired in a window (window=1h|today|7d, or from/to; default 7d), the acceptance rate of the leads it routed, and the active version's rules that never fired. JSON, or CSV with Accept: text/csv or format=csv. Roles: analyst.")
    public Response get(@PathParam("name") String name,
                        @Parameter(description = "1h, today or 7d (default)") @QueryParam("window") String window,
                        @Parameter(description = "ISO-8601 instant, instead of window") @QueryParam("from") String from,
                        @Parameter(description = "ISO-8601 instant, default now") @QueryParam("to") String to,
                        @Parameter(description = "csv or json; overrides the Accept header") @QueryParam("format") String format,
                        @Context HttpHeaders headers) {
        if (!registry.knows(name) && !registry.hasFolder(name)) {
            throw new NotFoundException("no segment named '" + name + "' and no folder for it under the rules root");
        }
        boolean csv = csv(format, headers);
        boolean none = (window == null || window.isBlank()) && (from == null || from.isBlank()) && (to == null || to.isBlank());
        KpiWindow span = KpiWindow.parse(none ? "7d" : window, from, to, clock.now(), config.defaultTimeZone());
        Coverage coverage = report.coverage(name, registry.active(name), span);
        return csv ? Response.ok(CoverageCsv.write(coverage), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-coverage.csv\"").build()
                : Response.ok(coverage, MediaType.APPLICATION_JSON).build();
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format == null || format.isBlank()) {
            return headers.getAcceptableMediaTypes().stream().findFirst()
                    .map(type -> type.isCompatible(MediaType.valueOf(CSV)) && !type.isWildcardType()).orElse(false);
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new InvalidRequestException("the format is not valid",
                    List.of(new FieldProblem("format", "must be csv or json, was '" + format + "'")));
        };
    }
}
