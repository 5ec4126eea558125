package org.leadrouter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path file, String... args) {
        out.reset();
        err.reset();
        return new UsersCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                file).run(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void addPrintsTheSecretLastAndStoresOnlyItsHashInAPrivateFile() throws Exception {
        Path file = dir.resolve("data/users");

        assertEquals(0, run(file, "add", "crm-bot", "--roles", "caller,analyst"));

        String secret = outLines().get(outLines().size() - 1);
        assertTrue(secret.matches("lr_[A-Za-z0-9_-]{43}"), secret);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        ApiUser user = new UsersFile(file).read(bad -> { }).get("crm-bot");
        assertEquals(Set.of("caller", "analyst"), user.roles());
        assertEquals(ApiKeys.hash(secret), user.secretHash());
        assertTrue(!Files.readString(file).contains(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("users.lock"))));
    }

    @Test
    void listShowsNamesAndRolesAndRemoveDeletesAKey() {
        Path file = dir.resolve("users");
        run(file, "add", "alice", "--roles", "admin");
        run(file, "add", "agent-7", "--roles", "agent");

        assertEquals(0, run(file, "list"));
        assertEquals(List.of("alice admin", "agent-7 agent"), outLines());
        assertEquals(0, run(file, "remove", "alice"));
        run(file, "list");
        assertEquals(List.of("agent-7 agent"), outLines());
        assertEquals(1, run(file, "remove", "alice"));
    }

    @Test
    void addingANameAgainReplacesItsKey() throws Exception {
        Path file = dir.resolve("users");
        run(file, "add", "bot", "--roles", "caller");
        String first = outLines().get(outLines().size() - 1);
        run(file, "add", "bot", "--roles", "caller");

        assertEquals(1, new UsersFile(file).read(bad -> { }).size());
        assertTrue(!new UsersFile(file).read(bad -> { }).get("bot").secretHash().equals(ApiKeys.hash(first)));
    }

    @Test
    void badArgumentsPrintTheUsageAndExit2() {
        Path file = dir.resolve("users");
        for (String[] args : List.of(new String[] {}, new String[] {"add", "x"}, new String[] {"add", "x", "--roles", "boss"},
                new String[] {"add", "a:b", "--roles", "caller"}, new String[] {"add", "x", "--role", "caller"},
                new String[] {"delete", "x"}, new String[] {"add", "x", "--roles", ""})) {
            assertEquals(2, run(file, args), String.join(" ", args));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: users add"), String.join(" ", args));
        }
        assertTrue(!Files.exists(file));
    }
}
