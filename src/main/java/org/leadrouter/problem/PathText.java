package org.leadrouter.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses a path that no record can be named by: percent-escapes that are not UTF-8, or control
 * characters such as NUL once decoded. An id taken from such a path would otherwise reach the
 * database, and PostgreSQL answers a NUL with an error that reads like an outage (503 "retry")
 * instead of the caller's mistake.
 */
@ApplicationScoped
public class PathText {

    /** After the body limit, before any route reads the path. */
    private static final int PRIORITY = 900;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        if (path == null || readable(path)) {
            context.next();
            return;
        }
        String detail = "the path holds a control character or a percent-escape that is not UTF-8";
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "invalid-path", detail,
                List.of(new FieldProblem("path", detail)));
        problem.writeTo(context.response());
    }

    static boolean readable(String path) {
        if (path.indexOf('%') < 0) {
            return path.chars().noneMatch(PathText::isControl);
        }
        ByteBuffer bytes = ByteBuffer.allocate(path.length() * 3);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length()) {
                    return false;
                }
                int high = Character.digit(path.charAt(i + 1), 16);
                int low = Character.digit(path.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
            return decoded.chars().noneMatch(PathText::isControl);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }
}
