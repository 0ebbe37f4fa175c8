package dev.picket.sensor.out;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSinkTest {
    @TempDir
    Path spoolDir;

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    private HttpServer server(int port, int status) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        s.createContext("/v1/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        s.start();
        return s;
    }

    private static ObjectNode event(int n) {
        return JsonNodeFactory.instance.objectNode().put("category", "process_creation").put("n", n);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) Thread.sleep(25);
    }

    @Test
    void eventsWaitInTheSpoolWhileTheServerIsDownAndArriveWhenItIsBack() throws Exception {
        int port = freePort();
        try (ServerSink sink = new ServerSink(URI.create("http://127.0.0.1:" + port), "s3cret", spoolDir, 1 << 20, 20)) {
            sink.accept(event(1));
            sink.accept(event(2));
            sink.flush();
            Thread.sleep(200);
            assertThat(sink.sent()).isZero();
            assertThat(new Spool(spoolDir, 1 << 20).size()).isEqualTo(1);

            HttpServer server = server(port, 200);
            try {
                waitFor(() -> sink.sent() == 2);
                assertThat(sink.sent()).isEqualTo(2);
                assertThat(bodies).containsExactly("{\"category\":\"process_creation\",\"n\":1}\n{\"category\":\"process_creation\",\"n\":2}\n");
                assertThat(tokens).containsExactly("Bearer s3cret");
                waitFor(() -> spoolEmpty());
                assertThat(spoolEmpty()).isTrue();
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aBatchTheServerRefusesAsMalformedIsDroppedAndCounted() throws Exception {
        int port = freePort();
        HttpServer server = server(port, 400);
        try (ServerSink sink = new ServerSink(URI.create("http://127.0.0.1:" + port), null, spoolDir, 1 << 20, 20)) {
            sink.accept(event(1));
            sink.flush();
            waitFor(() -> sink.rejected() == 1);
            assertThat(sink.rejected()).isEqualTo(1);
            assertThat(sink.sent()).isZero();
            assertThat(tokens).containsExactly((String) null);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBusyServerGetsTheSameBatchAgain() throws Exception {
        int port = freePort();
        HttpServer server = server(port, 429);
        try (ServerSink sink = new ServerSink(URI.create("http://127.0.0.1:" + port), null, spoolDir, 1 << 20, 20)) {
            sink.accept(event(7));
            sink.flush();
            waitFor(() -> bodies.size() >= 2);
            assertThat(bodies).hasSizeGreaterThanOrEqualTo(2).allMatch(b -> b.contains("\"n\":7"));
            assertThat(sink.rejected()).isZero();
            assertThat(spoolEmpty()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    private boolean spoolEmpty() {
        try {
            return new Spool(spoolDir, 1 << 20).size() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
