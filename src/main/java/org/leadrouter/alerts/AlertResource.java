package org.leadrouter.alerts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadrouter.security.Roles;

/** KPIs outside their recent baseline, as of the last background check. */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class AlertResource {

    private final AlertMonitor monitor;

    public AlertResource(AlertMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "List alerts", description = "Active alerts (fallback share, acceptance rate, time to assign against their recent baseline; queues past their SLA; leads whose escalation target refused them), oldest first; with all=true, recently cleared ones follow with clearedAt. Roles: manager.")
    public List<Alert> list(@Parameter(description = "true: recently cleared alerts too") @QueryParam("all") boolean all) {
        return all ? monitor.activeAndCleared() : monitor.active();
    }
}
