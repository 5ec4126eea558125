package org.leadrouter.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathTextTest {

    @Test
    void pathsNamingRecordsAreReadable() {
        for (String path : new String[] {"/leads/CRM-1042", "/leads/a%3Bb", "/agents/ann%40example.com", "/leads/%C3%A9",
                "/segments/insurance/reload", "/"}) {
            assertTrue(PathText.readable(path), path);
        }
    }

    @Test
    void controlCharactersAndBrokenEscapesAreNot() {
        for (String path : new String[] {"/work/a%00b/complete", "/leads/a%1Fb", "/leads/a%7Fb", "/leads/a\u0000b",
                "/leads/%C0%AE", "/leads/%ED%A0%80", "/leads/a%ZZ", "/leads/a%4", "/leads/%"}) {
            assertFalse(PathText.readable(path), path);
        }
    }
}
