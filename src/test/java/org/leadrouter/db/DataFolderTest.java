package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DataFolderTest {

    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aMissingFolderIsCreatedForItsOwnerOnly() throws IOException {
        Path dir = root.resolve("data");

        DataFolder.secure(dir);

        assertEquals("rwx------", permissions(dir));
    }

    @Test
    void anExistingFolderAndItsFilesAreRestrictedToTheirOwner() throws IOException {
        Path dir = Files.createDirectory(root.resolve("data"));
        Path database = Files.writeString(dir.resolve("leadrouter.mv.db"), "x");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        DataFolder.secure(dir);

        assertEquals("rwx------", permissions(dir));
        assertEquals("rw-------", permissions(database));
    }

    public static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
