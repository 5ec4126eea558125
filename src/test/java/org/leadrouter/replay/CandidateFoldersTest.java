package org.leadrouter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.problem.InvalidRequestException;

class CandidateFoldersTest {

    @TempDir
    Path machine;

    private Path root;
    private Path outside;
    private CandidateFolders folders;

    @BeforeEach
    void aRootAndAFolderOutsideIt() throws IOException {
        root = Files.createDirectories(machine.resolve("candidates"));
        outside = Files.createDirectories(machine.resolve("elsewhere"));
        Files.writeString(outside.resolve("routing.drl"), "rule x when then end");
        folders = new CandidateFolders(root);
    }

    @Test
    void aFolderUnderTheRootIsACandidate() throws IOException {
        Path next = Files.createDirectories(root.resolve("insurance-next"));
        Path nested = Files.createDirectories(root.resolve("team/insurance_v2.1"));

        assertEquals(next.toRealPath(), folders.resolve("insurance-next"));
        assertEquals(nested.toRealPath(), folders.resolve("team/insurance_v2.1"));
    }

    @Test
    void pathsThatLeaveTheRootAreRefused() {
        for (String name : new String[] {outside.toString(), "../elsewhere", "a/../../elsewhere", ".", "..", "",
                "insurance-next/", "/insurance-next", "a//b", "c:\\rules", "insurance next", "x\u0000"}) {
            assertTrue(refusal(name).contains("named relative to the candidates root"), name);
        }
    }

    @Test
    void aMissingFolderAndALinkOutOfTheRootReadTheSame() throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.writeString(root.resolve("a-file"), "not a folder");

        String missing = refusal("no-such-folder").replace("no-such-folder", "NAME");
        assertEquals(missing, refusal("escape").replace("escape", "NAME"));
        assertEquals(missing, refusal("a-file").replace("a-file", "NAME"));
    }

    @Test
    void aCandidateHoldingALinkedFileIsRefused() throws IOException {
        Path candidate = Files.createDirectories(root.resolve("linked"));
        Files.createSymbolicLink(candidate.resolve("routing.drl"), outside.resolve("routing.drl"));

        assertTrue(refusal("linked").contains("no candidate folder 'linked'"));
    }

    @Test
    void aFolderReachedThroughALinkedParentIsRefused() throws IOException {
        Files.createDirectories(outside.resolve("inner"));
        Files.createSymbolicLink(root.resolve("parent"), outside);

        assertTrue(refusal("parent/inner").contains("no candidate folder 'parent/inner'"));
    }

    @Test
    void aMissingRootRefusesEveryName() {
        CandidateFolders none = new CandidateFolders(machine.resolve("no-root"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> none.resolve("insurance-next"));
        assertEquals("folder", e.problems().get(0).field());
    }

    private String refusal(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> folders.resolve(name), name);
        assertEquals("folder", e.problems().get(0).field());
        return e.problems().get(0).problem();
    }
}
