package dev.picket.sensor.sshd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A log file read as it grows, like {@code tail -F}: reading starts at its end (only new lines),
 * waits at the end for more, and follows rotation (a new file under the name, or the file cut
 * short) by reading the new file from its start. Reading ends only when the stream is closed.
 */
final class FollowedFile extends InputStream {
    private static final long POLL_MILLIS = 250;

    private final Path path;
    private FileChannel channel;
    private Object identity;
    private volatile boolean closed;

    FollowedFile(Path path) throws IOException {
        this.path = path;
        open(false);
    }

    private void open(boolean fromStart) throws IOException {
        if (channel != null) channel.close();
        channel = FileChannel.open(path, StandardOpenOption.READ);
        identity = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        if (!fromStart) channel.position(channel.size());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!closed) {
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            if (n > 0) return n;
            if (rotated()) {
                open(true);
                continue;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    private boolean rotated() throws IOException {
        try {
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
            return !now.fileKey().equals(identity) || now.size() < channel.position();
        } catch (NoSuchFileException e) {
            return false; // between the rename and the new file: wait for it
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
