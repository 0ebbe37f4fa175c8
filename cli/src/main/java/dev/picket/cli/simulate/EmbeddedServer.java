package dev.picket.cli.simulate;

import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.PicketServer;
import dev.picket.server.config.ServerConfig;
import dev.picket.simulator.verdict.PicketApi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A Picket server in this process on the embedded store, with a fresh random token, for simulate and demo. */
public final class EmbeddedServer implements AutoCloseable {
    private final PicketServer server;
    private final String token;
    private final Path temporaryData;

    private EmbeddedServer(PicketServer server, String token, Path temporaryData) {
        this.server = server;
        this.token = token;
        this.temporaryData = temporaryData;
    }

    /** @param port 0 for any free port */
    public static EmbeddedServer start(Path data, int port, RuleSet rules) throws IOException {
        return start(data, port, rules, null);
    }

    /** On any free port, with its data in a temporary directory removed on close. */
    public static EmbeddedServer temporary(RuleSet rules) throws IOException {
        Path data = Files.createTempDirectory("picket-simulate");
        return start(data, 0, rules, data);
    }

    private static EmbeddedServer start(Path data, int port, RuleSet rules, Path temporary) throws IOException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        ServerConfig config = ServerConfig.defaults(Map.of("PICKET_TOKEN", token)).withFlags(port, data);
        return new EmbeddedServer(new PicketServer(config, rules).start(), token, temporary);
    }

    public URI url() {
        return URI.create("http://localhost:" + server.port() + "/");
    }

    public String token() {
        return token;
    }

    public PicketApi api() {
        return new PicketApi(URI.create("http://127.0.0.1:" + server.port() + "/"), token);
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (temporaryData == null) return;
        try (Stream<Path> paths = Files.walk(temporaryData)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
