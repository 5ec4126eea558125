package org.leadrouter.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentRegistry registry;

    public SegmentResource(SegmentRegistry registry) {
        this.registry = registry;
    }

    @GET
    public List<SegmentStatus> list() {
        return registry.statuses();
    }

    @GET
    @Path("/{name}")
    public SegmentStatus get(@PathParam("name") String name) {
        return registry.status(name).orElseThrow(() -> new NotFoundException("no segment named '" + name + "'"));
    }
}
