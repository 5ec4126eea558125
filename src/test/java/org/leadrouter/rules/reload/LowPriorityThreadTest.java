package org.leadrouter.rules.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LowPriorityThreadTest {

    @Test
    void theReloadThreadRunsAtTheLowestOperatingSystemPriority() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        LowPriorityThread.daemon(() -> nice.complete(currentNice()), "reload-test").start();

        assertEquals(LowPriorityThread.NICE, nice.get(30, TimeUnit.SECONDS));
        assertEquals(0, currentNice(), "the thread that made it keeps its priority");
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name (which may hold spaces). */
    private static int currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
