package org.leadrouter.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;

/**
 * Where a replay may take candidate rules from. Rule files are code (a consequence runs any Java),
 * so a candidate is only ever a folder under the configured candidates root: named relative to it,
 * no {@code .} or {@code ..} steps, no symbolic links, resolved to its real path and checked to be
 * inside the root. Every refusal reads the same, so the field cannot be used to probe which paths
 * exist on the machine.
 */
final class CandidateFolders {

    private static final Pattern STEP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_STEPS = 8;

    private final Path root;

    CandidateFolders(Path root) {
        this.root = root;
    }

    /** The candidate folder of that name, or a 400 problem naming {@code folder}. */
    Path resolve(String name) {
        if (!wellFormed(name)) {
            throw refused("a candidate is named relative to the candidates root, e.g. \"insurance-next\" "
                    + "(letters, digits, '.', '_', '-', steps separated by '/', no '..')");
        }
        try {
            Path realRoot = root.toRealPath();
            Path folder = realRoot.resolve(name).normalize();
            if (!folder.startsWith(realRoot) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    || !folder.toRealPath().equals(folder) || holdsLinks(folder)) {
                throw notFound(name);
            }
            return folder;
        } catch (IOException e) {
            throw notFound(name);
        }
    }

    private static boolean wellFormed(String name) {
        String[] steps = name.split("/", -1);
        if (steps.length > MAX_STEPS) {
            return false;
        }
        for (String step : steps) {
            if (!STEP.matcher(step).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsLinks(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(Files::isSymbolicLink);
        }
    }

    private static InvalidRequestException notFound(String name) {
        return refused("no candidate folder '" + name + "' under the candidates root (leadrouter.replay.candidates-dir)");
    }

    private static InvalidRequestException refused(String why) {
        return new InvalidRequestException("the replay request is not valid", List.of(new FieldProblem("folder", why)));
    }
}
