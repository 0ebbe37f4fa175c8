package dev.picket.sensor.out;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Batches waiting for the server, one file each ({@code <sequence>.jsonl}), oldest first. A batch
 * is written to a temporary name and renamed, so a crash never leaves half a batch; batches left
 * by an earlier run are sent first. The spool is bounded: past {@code maxBytes} the oldest batches
 * are deleted and their events counted as dropped, so a long outage cannot fill the node's disk.
 */
public final class Spool {
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final long maxBytes;
    private long sequence;

    public Spool(Path dir, long maxBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        for (Path p : batches()) sequence = Math.max(sequence, sequenceOf(p));
    }

    /** Stores a batch of JSON lines; returns how many events older batches lost to make room. */
    public synchronized long add(byte[] lines) throws IOException {
        Path tmp = dir.resolve("incoming.tmp");
        Files.write(tmp, lines);
        Path target = dir.resolve(String.format("%019d", ++sequence) + SUFFIX);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return trim();
    }

    /** The oldest waiting batch, or null when none waits. */
    public synchronized Path oldest() throws IOException {
        List<Path> all = batches();
        return all.isEmpty() ? null : all.getFirst();
    }

    public synchronized void remove(Path batch) throws IOException {
        Files.deleteIfExists(batch);
    }

    public synchronized int size() throws IOException {
        return batches().size();
    }

    private long trim() throws IOException {
        List<Path> all = batches();
        long total = 0;
        for (Path p : all) total += Files.size(p);
        long dropped = 0;
        for (int i = 0; i < all.size() - 1 && total > maxBytes; i++) { // the newest batch always stays
            Path p = all.get(i);
            total -= Files.size(p);
            dropped += events(p);
            Files.delete(p);
        }
        return dropped;
    }

    /** How many events (lines) a batch file holds. */
    static long events(Path p) throws IOException {
        long n = 0;
        for (byte b : Files.readAllBytes(p)) if (b == '\n') n++;
        return n;
    }

    private List<Path> batches() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList());
            all.sort(null);
            return all;
        }
    }

    private static long sequenceOf(Path p) {
        String name = p.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
