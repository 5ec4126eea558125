package org.leadrouter.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Names the key of a body that gives one twice (Jackson's strict duplicate detection), as the
 * field path a problem answer uses: {@code contact.email}, {@code agents[2].name}.
 */
public final class JsonDuplicates {

    private JsonDuplicates() {
    }

    public static Optional<String> duplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field")
                    && read.getProcessor() != null) {
                return Optional.of(path(read.getProcessor().getParsingContext()));
            }
        }
        return Optional.empty();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
