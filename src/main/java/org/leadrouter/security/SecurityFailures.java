package org.leadrouter.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.leadrouter.problem.Problem;

/**
 * Refusals decided before a request reaches a resource (a credential that fails to authenticate,
 * a path policy such as the one on /q/metrics) answered with a problem body too.
 */
@ApplicationScoped
public class SecurityFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        Throwable failure = context.failure();
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || (failure == null && context.statusCode() == 401)) {
            problem = SecurityProblems.unauthorizedProblem();
            context.response().putHeader(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        } else if (failure instanceof ForbiddenException || (failure == null && context.statusCode() == 403)) {
            problem = SecurityProblems.forbiddenProblem(null);
        } else {
            context.next();
            return;
        }
        if (context.response().headWritten()) {
            return;
        }
        problem.writeTo(context.response());
    }
}
