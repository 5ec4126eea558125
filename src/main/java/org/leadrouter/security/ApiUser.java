package org.leadrouter.security;

import java.util.Set;

/** One line of the users file: a named API key, its roles, and the SHA-256 of its secret. */
public record ApiUser(String name, Set<String> roles, String secretHash) {

    public ApiUser {
        roles = Set.copyOf(roles);
    }
}
