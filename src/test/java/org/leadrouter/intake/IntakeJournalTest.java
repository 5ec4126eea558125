package org.leadrouter.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.db.DataFolderTest;

class IntakeJournalTest {

    private static final long SEGMENT = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void whatWasAppendedAfterTheLastCheckpointIsReplayedInOrder() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.append(bytes("before"));
            journal.checkpoint(journal.appended());
            journal.append(bytes("first"));
            journal.append(bytes("second"));
        }

        assertEquals(List.of("first", "second"), replayed());
    }

    @Test
    void aReplayStartsAFreshSegmentSoTheSameEntriesAreNotReplayedTwice() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.append(bytes("once"));
        }
        assertEquals(List.of("once"), replayed());

        assertEquals(List.of(), replayed());
    }

    @Test
    void entriesRunOnAcrossSegmentsAndACheckpointDeletesTheSegmentsItCovers() throws Exception {
        byte[] large = new byte[(int) (SEGMENT / 3)];
        try (IntakeJournal journal = started()) {
            for (int i = 0; i < 7; i++) {
                large[0] = (byte) i;
                journal.append(large);
            }
            assertTrue(segments().size() >= 3, "segments " + segments());
            journal.checkpoint(journal.appended());

            assertEquals(1, segments().size(), "segments left " + segments());
            journal.append(bytes("after"));
        }

        assertEquals(List.of("after"), replayed());
    }

    @Test
    void anEntryLargerThanASegmentIsKeptWhole() throws Exception {
        byte[] huge = new byte[(int) SEGMENT * 2];
        huge[huge.length - 1] = 7;
        try (IntakeJournal journal = started()) {
            journal.append(bytes("small"));
            journal.append(huge);
        }

        List<byte[]> entries = new ArrayList<>();
        IntakeJournal.open(dir, SEGMENT).replayThenStart(entries::add, () -> { });
        assertEquals(2, entries.size());
        assertEquals(7, entries.get(1)[huge.length - 1]);
    }

    @Test
    void aTornLastEntryEndsTheReplayWithoutFailingIt() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.append(bytes("whole"));
            journal.append(bytes("torn apart"));
        }
        Path segment = segments().get(segments().size() - 1);
        // The second entry's last bytes never reached the disk.
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(3), 8 + 5 + 8 + 7);
        }

        assertEquals(List.of("whole"), replayed());
    }

    @Test
    void anEntryWhoseLengthRunsPastTheFileEndsTheReplay() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.append(bytes("whole"));
        }
        Path segment = segments().get(segments().size() - 1);
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).flip(), 8 + 5);
        }

        assertEquals(List.of("whole"), replayed());
    }

    @Test
    void aFailedReplayLeavesTheJournalToBeReplayedAgain() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.append(bytes("kept"));
        }

        assertThrows(IllegalStateException.class, () -> IntakeJournal.open(dir, SEGMENT).replayThenStart(entry -> {
            throw new IllegalStateException("the database is down");
        }, () -> { }));

        assertEquals(List.of("kept"), replayed());
    }

    @Test
    void theNextSegmentIsMadeAheadOfTimeAndUsedWhenTheCurrentFills() throws Exception {
        try (IntakeJournal journal = started()) {
            journal.prepareNext();
            assertEquals(2, segments().size());
            assertEquals(SEGMENT, Files.size(segments().get(1)));

            journal.append(new byte[(int) (SEGMENT * 3 / 4)]);
            journal.append(bytes("in the next"));
            assertEquals(2, segments().size(), "the prepared segment was used");
        }
        List<String> replayed = replayed();
        assertEquals(2, replayed.size());
        assertEquals("in the next", replayed.get(1));
    }

    @Test
    void theJournalIsReadableByItsOwnerOnly() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (IntakeJournal journal = started()) {
            journal.append(bytes("contact details"));
            journal.checkpoint(journal.appended());
        }

        assertEquals("rwx------", DataFolderTest.permissions(dir));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", DataFolderTest.permissions(file), file.toString());
            }
        }
    }

    private IntakeJournal started() throws Exception {
        IntakeJournal journal = IntakeJournal.open(dir, SEGMENT);
        journal.replayThenStart(entry -> { }, () -> { });
        return journal;
    }

    private List<String> replayed() throws Exception {
        List<String> entries = new ArrayList<>();
        try (IntakeJournal journal = IntakeJournal.open(dir, SEGMENT)) {
            journal.replayThenStart(entry -> entries.add(new String(entry, UTF_8)), () -> { });
        }
        return entries;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
