package dev.picket.simulator;

import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import dev.picket.server.PicketServer;
import dev.picket.server.config.ServerConfig;
import dev.picket.simulator.verdict.PicketApi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Picket server with the built-in rules on a free port, for end-to-end tests. */
public final class EmbeddedPicket implements AutoCloseable {
    static final String TOKEN = "simulator-test-token";
    private final PicketServer server;

    public EmbeddedPicket(Path data) throws Exception {
        ServerConfig config = new ServerConfig(0, data, "simulation", TOKEN, new ServerConfig.Tls(null, null, null, null, null),
                new ServerConfig.Store(null, null, null, null),
                new ServerConfig.Ingest(1 << 20, 8 << 20, 1 << 20, Duration.ofHours(1)), Duration.ofMinutes(30), List.of());
        server = new PicketServer(config, new RuleSources(BuiltinRules.load()).addBuiltin().build()).start();
    }

    public PicketApi api() {
        return new PicketApi(URI.create("http://127.0.0.1:" + server.port() + "/"), TOKEN);
    }

    @Override
    public void close() {
        server.close();
    }
}
