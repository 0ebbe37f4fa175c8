package dev.picket.io.state;

import dev.picket.engine.correlation.InMemoryStateStore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Correlation windows and learned baselines kept in one compressed file under a data directory,
 * so a restarted process continues where it stopped. Saving writes a temporary file and moves it
 * into place: a crash mid-save leaves the previous state, never half of one.
 */
public final class StateFile {
    public static final String NAME = "correlation.state";

    private final Path path;

    public StateFile(Path dataDirectory) {
        this.path = dataDirectory.resolve(NAME);
    }

    public Path path() {
        return path;
    }

    /** The saved state, or an empty store when nothing was saved yet. */
    public InMemoryStateStore load() throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
            return InMemoryStateStore.readFrom(in);
        } catch (NoSuchFileException nothingSavedYet) {
            return new InMemoryStateStore();
        } catch (IOException e) {
            throw new IOException(path + ": cannot read correlation state: " + e.getMessage(), e);
        }
    }

    public void save(InMemoryStateStore store) throws IOException {
        Files.createDirectories(path.getParent());
        Path temporary = Files.createTempFile(path.getParent(), NAME, ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                store.writeTo(out);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
