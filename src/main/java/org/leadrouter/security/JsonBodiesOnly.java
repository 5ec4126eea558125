package org.leadrouter.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.Problem;

/**
 * A request body must be declared JSON ({@code application/json} or {@code +json}), or one of the
 * other types its endpoint names (the roster import takes {@code text/csv}); anything else is 415.
 * A browser can send {@code text/plain} or a form to any site without asking, never JSON: so a
 * forged cross-site request cannot deliver a body. Bodiless POSTs (reload, accept) need no type.
 */
public class JsonBodiesOnly {

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ConcurrentHashMap<Method, List<MediaType>> otherTypes = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseOtherBodies(ContainerRequestContext request, ResourceInfo resource) {
        if (!WITH_BODY.contains(request.getMethod()) || !hasBody(request)) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && (isJson(type) || otherTypes(resource.getResourceMethod()).stream().anyMatch(type::isCompatible))) {
            return null;
        }
        String allowed = Stream.concat(Stream.of(MediaType.APPLICATION_JSON),
                otherTypes(resource.getResourceMethod()).stream().map(MediaType::toString)).collect(Collectors.joining(", "));
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "the body must be sent as " + allowed,
                List.of(new FieldProblem("Content-Type", type == null ? "missing" : "was " + type))).toResponse();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length == null ? request.getHeaderString("Transfer-Encoding") != null : !"0".equals(length.trim());
    }

    static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    private List<MediaType> otherTypes(Method method) {
        return otherTypes.computeIfAbsent(method, m -> {
            Consumes consumes = m.getAnnotation(Consumes.class);
            if (consumes == null) {
                consumes = m.getDeclaringClass().getAnnotation(Consumes.class);
            }
            return consumes == null ? List.of() : Stream.of(consumes.value())
                    .flatMap(value -> Stream.of(value.split(",")))
                    .map(value -> MediaType.valueOf(value.trim()))
                    .filter(type -> !type.isWildcardType() && !isJson(type))
                    .toList();
        });
    }
}
