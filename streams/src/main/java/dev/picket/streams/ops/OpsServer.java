package dev.picket.streams.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text) and {@code GET /healthz} for the orchestrator: 200 while the
 * application runs or rebalances, 503 otherwise (not started yet, failed, shutting down), with the
 * state as the body. Nothing else is served, so nothing secret can leak here.
 */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;

    public OpsServer(int port, PrometheusMeterRegistry registry, Supplier<String> state, BooleanSupplier healthy)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/metrics", exchange -> reply(exchange, 200, registry.scrape()));
        server.createContext("/healthz", exchange -> reply(exchange, healthy.getAsBoolean() ? 200 : 503, state.get() + "\n"));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
