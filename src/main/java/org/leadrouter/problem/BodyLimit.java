package org.leadrouter.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem before reading any of it. Without this the HTTP server answers such a request with
 * a bare 413 and no body at all. A chunked body declares no length: the server still cuts it
 * off with a bare 413 once it has read past the limit, in the middle of reading it.
 */
@ApplicationScoped
public class BodyLimit {

    /** Ahead of every route, so nothing starts reading the body first. */
    private static final int PRIORITY = 1000;

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        String detail = "the body is " + length + " bytes; at most " + limit + " are accepted";
        Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", detail,
                List.of(new FieldProblem("body", detail)));
        // The body is not read: the connection cannot carry another request after it.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problem.writeTo(context.response());
    }
}
