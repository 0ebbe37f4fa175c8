package dev.picket.server.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reloads the rules when a file under the watched folders changes. Changes that come close together
 * (an editor's save, a git checkout) are taken as one: the reload runs once they have settled.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    static final Duration SETTLE = Duration.ofMillis(300);

    private final WatchService watcher;
    private final Thread thread;
    private final Runnable reload;

    /** Watches each folder that exists, with its sub-folders as they are now. */
    public FolderWatcher(List<Path> folders, Runnable reload) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        this.reload = reload;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path dir : tree.filter(Files::isDirectory).toList()) {
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
        thread = Thread.ofPlatform().daemon().name("picket-rule-watch").start(this::run);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Wait until the folder is quiet, then reload once.
                WatchKey more;
                while ((more = watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) != null) drain(more);
                reload.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("rule file watching stopped: {}", e.toString());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.warn("closing the rule file watch: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
