package org.leadrouter.kpis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.security.Roles;

/** The manager view's data: the three KPIs per segment and overall, queues and agents. */
@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpisResource {

    private final KpiService kpis;
    private final AssignmentClock clock;
    private final AssignmentConfig config;

    public KpisResource(KpiService kpis, AssignmentClock clock, AssignmentConfig config) {
        this.kpis = kpis;
        this.clock = clock;
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Console KPIs", description = "Time to Assign, Lead Acceptance Rate and fallback-routed volume per segment and overall, with trends, for a window (window=1h|today|7d, or from/to; default the last hour); queue depths against their SLA and agents now. Roles: manager.")
    public Kpis get(@Parameter(description = "1h, today (in leadrouter.assignment.default-time-zone) or 7d") @QueryParam("window") String window,
                    @Parameter(description = "ISO-8601 instant, instead of window") @QueryParam("from") String from,
                    @Parameter(description = "ISO-8601 instant, default now") @QueryParam("to") String to) {
        return kpis.kpis(KpiWindow.parse(window, from, to, clock.now(), config.defaultTimeZone()));
    }
}
