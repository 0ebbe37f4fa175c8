package dev.picket.server.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The write-ahead journal of accepted batches. A batch is appended and forced to disk before the
 * sender hears 2xx, so an acknowledged batch survives a crash. Records are read back in order by
 * one worker, which records how far it has processed (the checkpoint).
 *
 * <p>Layout: segment files {@code OFFSET.seg} named by the journal offset of their first byte; a
 * record is {@code length:int, crc32c:int, source:byte, body}. A crash mid-append leaves a torn
 * record at the end of the last segment; it was never acknowledged, and opening cuts it off.
 *
 * <p>Processed segments are kept for the replay period: on start the server runs the journal kept
 * so far through the engine again, so correlation windows open at the crash are rebuilt. Alert ids
 * are deterministic and the store ignores ids it has, so the replay adds only what was missing.
 */
public final class Journal implements AutoCloseable {
    private static final int HEADER = 9;
    private static final String SUFFIX = ".seg";
    private static final String CHECKPOINT = "checkpoint";
    /** The journal holds request bodies as sent, before redaction: only the server's user may read it. */
    private static final FileAttribute<?>[] OWNER_ONLY = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private final Path dir;
    private final long segmentBytes;
    private final Duration keep;
    private final Clock clock;
    private FileChannel current;
    private long currentStart;
    private long end;

    /**
     * Opens (or creates) the journal in {@code dir}, cutting off a torn last record.
     *
     * @param segmentBytes a segment is closed and a new one begun once it is this large
     * @param keep         how long processed segments are kept for replay
     */
    public Journal(Path dir, long segmentBytes, Duration keep, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir, OWNER_ONLY);
        this.segmentBytes = segmentBytes;
        this.keep = keep;
        this.clock = clock;
        List<Long> segments = segments();
        if (segments.isEmpty()) {
            open(checkpoint());
        } else {
            long last = segments.getLast();
            long valid = validLength(segment(last));
            open(last);
            current.truncate(valid);
            current.force(true);
            end = last + valid;
        }
    }

    /**
     * Appends a batch and forces it to disk. {@code appended} runs under the journal's lock with the
     * record's end offset, so whatever it hands the record to sees records in journal order.
     */
    public synchronized void append(Source source, byte[] body, LongConsumer appended) throws IOException {
        if (end - currentStart >= segmentBytes) {
            current.close();
            open(end);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        CRC32C crc = new CRC32C();
        crc.update(source.ordinal());
        crc.update(body);
        header.putInt(body.length).putInt((int) crc.getValue()).put((byte) source.ordinal()).flip();
        ByteBuffer payload = ByteBuffer.wrap(body);
        long position = end - currentStart;
        while (header.hasRemaining() || payload.hasRemaining()) {
            position += current.write(new ByteBuffer[]{header, payload}, 0, 2);
        }
        current.force(false);
        end = currentStart + position;
        appended.accept(end);
    }

    /** The offset after the last record. */
    public synchronized long end() {
        return end;
    }

    /** Receives records read back; a failure or an interrupt ends the reading. */
    @FunctionalInterface
    public interface Reader {
        void record(JournalRecord record) throws IOException, InterruptedException;
    }

    /** Reads the records kept, in order, from the oldest kept up to {@code until}. */
    public void read(long until, Reader reader) throws IOException, InterruptedException {
        for (long start : segments()) {
            if (start >= until) break;
            try (FileChannel in = FileChannel.open(segment(start), StandardOpenOption.READ)) {
                long position = 0;
                while (start + position < until) {
                    JournalRecord r = readRecord(in, start, position);
                    if (r == null) break;
                    reader.record(r);
                    position = r.end() - start;
                }
            }
        }
    }

    /** The offset processed so far, as last recorded; 0 for a new journal. */
    public long checkpoint() throws IOException {
        Path file = dir.resolve(CHECKPOINT);
        if (!Files.exists(file)) return 0;
        return Long.parseLong(Files.readString(file).trim());
    }

    /**
     * Records that everything before {@code offset} is processed and deletes segments that are
     * processed entirely and older than the replay period. Not forced to disk: a checkpoint lost in
     * a crash only means more is replayed, and replay is idempotent.
     */
    public void processed(long offset) throws IOException {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        Files.writeString(tmp, Long.toString(offset));
        try {
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
        List<Long> segments = segments();
        long cutoff = clock.millis() - keep.toMillis();
        for (int i = 0; i + 1 < segments.size(); i++) {
            long nextStart = segments.get(i + 1);
            Path file = segment(segments.get(i));
            if (nextStart <= offset && Files.getLastModifiedTime(file).toMillis() < cutoff) Files.delete(file);
        }
    }

    private JournalRecord readRecord(FileChannel in, long start, long position) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (readFully(in, header, position) < HEADER) return null;
        header.flip();
        int length = header.getInt();
        int crcValue = header.getInt();
        int source = header.get();
        if (length < 0 || source < 0 || source >= Source.values().length
                || position + HEADER + length > in.size()) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        if (readFully(in, body, position + HEADER) < length) return null;
        CRC32C crc = new CRC32C();
        crc.update(source);
        crc.update(body.array());
        if ((int) crc.getValue() != crcValue) return null;
        return new JournalRecord(start + position + HEADER + length, Source.values()[source], body.array());
    }

    private static int readFully(FileChannel in, ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = in.read(buf, position + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    /** The length of the segment's intact records; a torn or corrupt record ends it. */
    private long validLength(Path file) throws IOException {
        long start = startOf(file);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            JournalRecord r;
            while ((r = readRecord(in, start, position)) != null) position = r.end() - start;
            return position;
        }
    }

    private void open(long start) throws IOException {
        current = FileChannel.open(segment(start), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        currentStart = start;
        end = start + current.size();
        current.position(current.size());
    }

    private Path segment(long start) {
        return dir.resolve(String.format("%020d%s", start, SUFFIX));
    }

    private static long startOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).map(Journal::startOf).sorted().toList();
        }
    }

    @Override
    public synchronized void close() {
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
