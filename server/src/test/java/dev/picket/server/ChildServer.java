package dev.picket.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A server in a process of its own, for tests that kill it: {@code ChildServer DATA_DIR}; writes its port to DATA_DIR/port. */
public final class ChildServer {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PicketServer server = new PicketServer(TestServers.config(data), TestServers.engineRules()).start();
        Path tmp = data.resolve("port.tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, data.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
