package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.config.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Configurations and an HTTP client for tests that run the real server. */
public final class TestServers {
    public static final String TOKEN = "test-token-0123456789";
    public static final ObjectMapper JSON = new ObjectMapper();
    /** The bundled ATT&CK for Containers matrix. */
    public static final AttackMatrix MATRIX = AttackCatalogue.bundled().matrix();
    /** Rules standing for the detector's, for coverage: tests with their own detector do not run them. */
    public static final RuleSet RULES = rules("""
            title: Test single
            name: TEST-SINGLE
            level: high
            tags: [attack.execution, attack.t1609]
            logsource: {product: linux, category: process_creation}
            detection:
              sel: {single: 1}
              condition: sel
            """);

    /** The repository's sample data (tests run in the module folder). */
    public static final Path SAMPLES = Path.of("..", "samples");

    /** Rules the engine runs in end-to-end tests: they match the sample data. */
    public static RuleSet engineRules() {
        try (InputStream in = TestServers.class.getResourceAsStream("test-rules.yml")) {
            return rules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet rules(String yaml) {
        try {
            return RuleSet.builder().add("test-rules.yml", yaml).build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException(e.errors().toString(), e);
        }
    }

    private TestServers() {
    }

    public static ServerConfig config(Path data, long maxBatch, long queue) {
        return new ServerConfig(0, data, "test-cluster", TOKEN, new ServerConfig.Tls(null, null, null, null, null),
                new ServerConfig.Store(null, null, null, null),
                new ServerConfig.Ingest(maxBatch, queue, 1 << 20, Duration.ofHours(1)), Duration.ofMinutes(30), List.of());
    }

    public static ServerConfig config(Path data) {
        return config(data, 1 << 20, 8 << 20);
    }

    /** Plain HTTP calls to a local server. */
    public record Client(HttpClient http, String base, String token) {
        public static Client local(int port) {
            return new Client(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, TOKEN);
        }

        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        public JsonNode getJson(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = get(path);
            if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
            return JSON.readTree(r.body());
        }

        /** {@link #getJson} for lambdas such as {@code await} conditions, which cannot throw checked exceptions. */
        public JsonNode json(String path) {
            try {
                return getJson(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted reading " + path, e);
            }
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        public Client withToken(String other) {
            return new Client(http, base, other);
        }
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
