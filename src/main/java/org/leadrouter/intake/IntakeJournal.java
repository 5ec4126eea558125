package org.leadrouter.intake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;
import org.leadrouter.db.DataFolder;

/**
 * The intake's write-ahead journal on the embedded database. H2 has no log of its own: a commit
 * is durable only once the chunk holding it is written and forced, and writing a chunk per batch
 * was most of a lead's cost. So each batch of new records is appended here and forced before its
 * callers are answered, H2 writes its chunks in the background, and a checkpoint (H2 written and
 * synced) lets the segments it covers go. At start, whatever follows the last checkpoint is
 * recorded again; recording is idempotent by lead id.
 *
 * <p>Segments are files of {@code segmentBytes} zero-filled when made, so an append overwrites
 * blocks the file system already has and its force need not commit the file's metadata (on ext4
 * that commit waits for every other file's unflushed writes). An entry is its length, a CRC-32C
 * and its bytes; a zero length ends a segment. A torn entry can only be the last one written, by
 * a batch whose callers were never answered: reading stops there.
 *
 * <p>Appends come from one thread (the lead writer); the checkpoint runs on another.
 */
final class IntakeJournal implements Closeable {

    private static final Logger LOG = Logger.getLogger(IntakeJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("intake-(\\d{12})\\.journal");
    private static final String CHECKPOINT = "intake.checkpoint";
    private static final int HEADER = 8;
    private static final int ZEROS = 1 << 20;
    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);

    /** A place in the journal: every entry before it was appended and forced. */
    record Mark(long segment, long offset) {
    }

    /** What replay does with each entry; a failure stops the replay, which leaves the journal as it was. */
    @FunctionalInterface
    interface Entries {
        void accept(byte[] entry) throws Exception;
    }

    private final Path dir;
    private final long segmentBytes;
    private final Object lock = new Object();
    // Guarded by lock.
    private FileChannel current;
    private long segment;
    private long offset;
    private volatile Mark appended;

    private IntakeJournal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the journal in {@code dir}, a folder of its own, made readable by its owner only (the
     * journal holds leads' contact details); nothing is appended until {@link #replayThenStart} has run.
     */
    static IntakeJournal open(Path dir, long segmentBytes) throws IOException {
        DataFolder.secure(dir);
        // Where there are no POSIX permissions the folder is not made by securing it.
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path unfinished : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".new"))::iterator) {
                Files.delete(unfinished);
            }
        }
        return new IntakeJournal(dir, Math.max(ZEROS, segmentBytes));
    }

    /**
     * Hands every entry after the last checkpoint to {@code replay}, oldest first; then
     * {@code checkpoint} (which must make everything replayed durable elsewhere) runs, and the
     * journal starts a fresh segment and drops the old ones. Answers how many entries were replayed.
     */
    int replayThenStart(Entries replay, Runnable checkpoint) throws Exception {
        List<Long> segments = segments();
        Mark from = readCheckpoint().orElse(new Mark(segments.isEmpty() ? 0 : segments.get(0), 0));
        int entries = 0;
        for (long each : segments) {
            if (each >= from.segment()) {
                entries += read(each, each == from.segment() ? from.offset() : 0, replay);
            }
        }
        checkpoint.run();
        long next = segments.isEmpty() ? 1 : segments.get(segments.size() - 1) + 1;
        synchronized (lock) {
            current = prepared(next);
            segment = next;
            offset = 0;
        }
        Mark start = new Mark(next, 0);
        appended = start;
        checkpoint(start);
        return entries;
    }

    /** Appends one entry and forces it to the disk; when this returns, the entry survives a crash. */
    void append(byte[] entry) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(entry.length).putInt(crc(entry)).flip();
        ByteBuffer body = ByteBuffer.wrap(entry);
        synchronized (lock) {
            if (current == null) {
                throw new IOException("the journal is not open");
            }
            if (offset > 0 && offset + HEADER + entry.length > segmentBytes) {
                rotate();
            }
            long at = offset;
            try {
                while (header.hasRemaining()) {
                    at += current.write(header, at);
                }
                while (body.hasRemaining()) {
                    at += current.write(body, at);
                }
                current.force(false);
            } catch (IOException e) {
                // Whatever part was written stays at the end of this segment, where reading stops.
                offset = segmentBytes;
                throw e;
            }
            offset = at;
            appended = new Mark(segment, offset);
        }
    }

    /** Where appending has reached: a checkpoint taken after this covers every entry before it. */
    Mark appended() {
        return appended;
    }

    /**
     * Notes that everything before {@code mark} is durable elsewhere (call it only once it is):
     * a replay starts there, and the segments wholly before it are deleted.
     */
    void checkpoint(Mark mark) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(20).putLong(mark.segment()).putLong(mark.offset());
        content.putInt(crc(content.array(), 16)).flip();
        Path written = dir.resolve(CHECKPOINT + ".new");
        Files.deleteIfExists(written);
        try (FileChannel file = FileChannel.open(written, CREATE, ownerOnly())) {
            while (content.hasRemaining()) {
                file.write(content);
            }
            file.force(true);
        }
        move(written, dir.resolve(CHECKPOINT));
        for (long each : segments()) {
            if (each < mark.segment()) {
                Files.deleteIfExists(dir.resolve(name(each)));
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /**
     * Makes the next segment ahead of time, on the checkpoint's thread, so the lead writer does not
     * wait for a segment's worth of zeros when the current one fills.
     */
    void prepareNext() throws IOException {
        long next;
        synchronized (lock) {
            if (current == null) {
                return;
            }
            next = segment + 1;
        }
        Path target = dir.resolve(name(next));
        if (Files.exists(target)) {
            return;
        }
        Path made = dir.resolve(name(next) + ".new");
        Files.deleteIfExists(made);
        zeroFilled(made).close();
        synchronized (lock) {
            if (segment < next && !Files.exists(target)) {
                move(made, target);
                return;
            }
        }
        Files.deleteIfExists(made);
    }

    private void rotate() throws IOException {
        Path made = dir.resolve(name(segment + 1));
        FileChannel next = Files.exists(made)
                ? FileChannel.open(made, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : prepared(segment + 1);
        current.close();
        current = next;
        segment++;
        offset = 0;
    }

    private FileChannel prepared(long number) throws IOException {
        Path path = dir.resolve(name(number));
        Files.deleteIfExists(path);
        return zeroFilled(path);
    }

    /** A new file of a segment's size, zero-filled and forced along with its folder's entry. */
    private FileChannel zeroFilled(Path path) throws IOException {
        FileChannel file = FileChannel.open(path, CREATE, ownerOnly());
        try {
            ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
            for (long at = 0; at < segmentBytes; ) {
                zeros.clear().limit((int) Math.min(ZEROS, segmentBytes - at));
                at += file.write(zeros, at);
            }
            file.force(true);
            syncFolder();
            return file;
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    private int read(long number, long from, Entries replay) throws Exception {
        int entries = 0;
        try (FileChannel file = FileChannel.open(dir.resolve(name(number)), StandardOpenOption.READ)) {
            long size = file.size();
            long at = from;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (at + HEADER <= size) {
                header.clear();
                readFully(file, header, at);
                int length = header.getInt(0);
                if (length == 0) {
                    break;
                }
                if (length < 0 || at + HEADER + length > size) {
                    LOG.warnf("journal %s ends at %d in an entry that was never completed (its batch was not acknowledged)",
                            name(number), at);
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                readFully(file, body, at + HEADER);
                if (crc(body.array()) != header.getInt(4)) {
                    LOG.warnf("journal %s ends at %d in an entry whose checksum does not match (its batch was not acknowledged)",
                            name(number), at);
                    break;
                }
                replay.accept(body.array());
                entries++;
                at += HEADER + length;
            }
        }
        return entries;
    }

    private Optional<Mark> readCheckpoint() throws IOException {
        Path path = dir.resolve(CHECKPOINT);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer content = ByteBuffer.wrap(bytes);
        if (bytes.length != 20 || crc(bytes, 16) != content.getInt(16)) {
            LOG.warnf("the journal's checkpoint %s is unreadable: every segment is replayed", path);
            return Optional.empty();
        }
        return Optional.of(new Mark(content.getLong(0), content.getLong(8)));
    }

    private List<Long> segments() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    numbers.add(Long.parseLong(name.group(1)));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder();
    }

    /** A new or renamed file is only certain to be found after a crash once its folder is forced. */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Some systems cannot open or force a folder; their file systems order this themselves.
        }
    }

    private static void readFully(FileChannel file, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            int read = file.read(into, at + into.position());
            if (read < 0) {
                throw new IOException("the journal ended inside an entry");
            }
        }
    }

    private static String name(long number) {
        return "intake-%012d.journal".formatted(number);
    }

    private static int crc(byte[] bytes) {
        return crc(bytes, bytes.length);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
