package org.leadrouter.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer lr_...}: an API key from the users file. It runs before the JWT
 * mechanism and claims every {@code lr_} token (accepted or refused here), so an API key never
 * reaches the JWT parser; any other bearer token is left to the JWT mechanism.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (!ApiKeys.looksLikeKey(token)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviders.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyRequest(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    // The challenge carries a problem body, as every other refusal does (path policies, e.g. on /q/metrics, end here).
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().ended()) {
            context.response().putHeader(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            SecurityProblems.unauthorizedProblem().writeTo(context.response());
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    // Before the JWT mechanism (default priority), which would try to parse an API key as a token.
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
