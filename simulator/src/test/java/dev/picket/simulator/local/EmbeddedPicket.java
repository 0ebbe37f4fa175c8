package dev.picket.simulator.local;

import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import dev.picket.server.PicketServer;
import dev.picket.server.config.ServerConfig;
import dev.picket.simulator.verdict.PicketApi;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** A real Picket server with the built-in rules on a free port, for end-to-end tests. */
final class EmbeddedPicket implements AutoCloseable {
    static final String TOKEN = "simulator-test-token";
    private final PicketServer server;

    EmbeddedPicket(Path data) throws Exception {
        // Built from the defaults so the test follows the configuration as it grows.
        ServerConfig config = ServerConfig.defaults(Map.of("PICKET_TOKEN", TOKEN)).withFlags(0, data);
        server = new PicketServer(config, new RuleSources(BuiltinRules.load()).addBuiltin().build()).start();
    }

    PicketApi api() {
        return new PicketApi(URI.create("http://127.0.0.1:" + server.port() + "/"), TOKEN);
    }

    @Override
    public void close() {
        server.close();
    }
}
