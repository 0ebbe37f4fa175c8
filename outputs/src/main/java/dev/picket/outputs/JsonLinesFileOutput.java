package dev.picket.outputs;

import dev.picket.engine.alert.Alert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON line to a file, and rotates it by size: when the next line would
 * take the file past {@code maxBytes}, {@code alerts.jsonl} becomes {@code alerts.jsonl.1} (an older
 * {@code .1} becomes {@code .2}, and so on), the oldest beyond {@code keep} is deleted, and a new file
 * is started. A line is never split across files. Each line is flushed when written, so a log
 * shipper tailing the file sees it at once.
 */
final class JsonLinesFileOutput implements AlertOutput {
    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final PayloadFormat format;
    private OutputStream out;
    private long size;

    JsonLinesFileOutput(Path file, long maxBytes, int keep, PayloadFormat format) throws IOException {
        if (maxBytes < 1) throw new IllegalArgumentException("maxSize must be positive");
        if (keep < 0) throw new IllegalArgumentException("keep must not be negative");
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.format = format;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(file);
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        byte[] line = (format.render(alert) + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + line.length > maxBytes) rotate();
        out.write(line);
        out.flush();
        size += line.length;
    }

    private void rotate() throws IOException {
        out.close();
        if (keep == 0) {
            Files.delete(file);
        } else {
            Files.deleteIfExists(numbered(keep));
            for (int i = keep - 1; i >= 1; i--) {
                if (Files.exists(numbered(i))) Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
