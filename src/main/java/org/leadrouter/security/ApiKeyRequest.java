package org.leadrouter.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that is an API key (starts with {@code lr_}), for {@link ApiKeyIdentityProvider}. */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
