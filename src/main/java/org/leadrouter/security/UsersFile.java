package org.leadrouter.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The users file: one {@code name:role,role:sha256} line per API key. A plain file rather than a
 * database table, so that the {@code users} command can change it while the service runs (the
 * embedded database is locked by the running service). Written whole, to a temporary file moved
 * over the old one, so the service never reads half a file; readable by its owner only.
 */
public final class UsersFile {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private static final String HEADER = "# lead-router API keys (name:roles:SHA-256 of the secret), managed with the 'users' command";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path file;

    public UsersFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path path() {
        return file;
    }

    /** Every user by name; an absent file has none. Lines that do not parse are reported to {@code badLine}. */
    public Map<String, ApiUser> read(Consumer<String> badLine) throws IOException {
        Map<String, ApiUser> users = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return users;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            if (parts.length != 3 || !NAME.matcher(parts[0]).matches() || parts[2].isEmpty()) {
                badLine.accept("line " + (i + 1) + " is not name:roles:hash");
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(parts[1].split(",")));
            roles.removeIf(role -> !Roles.ALL.contains(role));
            users.put(parts[0], new ApiUser(parts[0], roles, parts[2]));
        }
        return users;
    }

    /** Applies {@code change} to the users under a lock, so two commands run at once cannot lose a change. */
    public Map<String, ApiUser> update(UnaryOperator<Map<String, ApiUser>> change) throws IOException {
        createFolder();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OWNER_ONLY);
             FileLock ignored = channel.lock()) {
            Map<String, ApiUser> users = change.apply(read(bad -> { }));
            write(users.values());
            return users;
        }
    }

    private void write(Iterable<ApiUser> users) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ApiUser user : users) {
            lines.add(user.name() + ":" + String.join(",", user.roles()) + ":" + user.secretHash());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, OWNER_ONLY);
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void createFolder() throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // another command created it first
            }
        }
    }
}
