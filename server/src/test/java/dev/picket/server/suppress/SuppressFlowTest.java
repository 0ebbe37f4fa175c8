package dev.picket.server.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import dev.picket.server.TestServers.Client;
import dev.picket.server.lifecycle.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/** "Suppress this" end to end: a filter file in the folder, later matches kept and flagged, not dropped. */
class SuppressFlowTest {
    @TempDir
    Path data;
    PicketServer server;
    Client client;

    @BeforeEach
    void start() throws Exception {
        server = new PicketServer(TestServers.config(data), Events.rules()).start();
        client = Client.local(server.port());
        client.post("/v1/events", Events.process(0, 0, "shop", "web-5b6c7d8f9c-4kzpx", "run evil"));
        awaitStored(1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void awaitStored(int n) throws InterruptedException {
        await(n + " alerts", () -> client.json("/v1/alerts?suppressed=any").path("alerts").size() == n);
    }

    private String firstAlert() {
        return client.json("/v1/alerts").path("alerts").get(0).path("id").asText();
    }

    private Path onlyFilterFile() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("suppressions"))) {
            return files.toList().getFirst();
        }
    }

    @Test
    void suppressingWritesAFilterFileAndLaterMatchesAreStoredFlagged() throws Exception {
        HttpResponse<String> r = client.post("/v1/suppressions", """
                {"alert": "%s", "reason": "the nightly integrity check runs this", "expires": "7d"}""".formatted(firstAlert()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String filter = Files.readString(onlyFilterFile());
        assertThat(filter).contains("rules:\n  - \"TEST-EVIL\"", "k8s.namespace: \"shop\"", "k8s.pod|re: \"^web(-[a-z0-9]+){1,2}$\"",
                "description: \"the nightly integrity check runs this\"", "author: \"token\"", "expires: ");

        client.post("/v1/events", Events.process(1, 0, "shop", "web-5b6c7d8f9c-z9x8w", "run evil")
                + Events.process(1, 1, "shop", "webshop-6c7d8f9b5d-q2w3e", "run evil"));
        awaitStored(3);

        JsonNode suppressed = client.json("/v1/alerts?suppressed=true").path("alerts");
        assertThat(suppressed).singleElement().satisfies(a -> {
            assertThat(a.at("/entity/pod").asText()).isEqualTo("web-5b6c7d8f9c-z9x8w");
            assertThat(a.at("/suppressed/reason").asText()).isEqualTo("the nightly integrity check runs this");
        });
        assertThat(client.json("/v1/alerts").path("alerts")).extracting(a -> a.at("/entity/pod").asText())
                .as("another workload whose name starts alike is not covered")
                .containsExactlyInAnyOrder("web-5b6c7d8f9c-4kzpx", "webshop-6c7d8f9b5d-q2w3e");
        assertThat(client.json("/v1/suppressions").path("suppressions")).singleElement().satisfies(s -> {
            assertThat(s.path("suppressedAlerts").asLong()).isEqualTo(1);
            assertThat(s.path("expired").asBoolean()).isFalse();
            assertThat(s.path("rules").get(0).asText()).isEqualTo("TEST-EVIL");
        });
    }

    @Test
    void anExpiredSuppressionMarksNothing() throws Exception {
        client.post("/v1/suppressions", """
                {"alert": "%s", "reason": "temporary", "expires": "7d"}""".formatted(firstAlert()));
        Path file = onlyFilterFile();
        Files.writeString(file, Files.readString(file).replaceAll("expires: .*", "expires: \"2020-01-01T00:00:00Z\""));
        assertThat(client.post("/v1/reload", "").statusCode()).isEqualTo(200);

        client.post("/v1/events", Events.process(2, 0, "shop", "web-5b6c7d8f9c-z9x8w", "run evil"));
        awaitStored(2);

        assertThat(client.json("/v1/alerts?suppressed=true").path("alerts")).isEmpty();
        assertThat(client.json("/v1/suppressions").path("suppressions").get(0).path("expired").asBoolean()).isTrue();
    }

    @Test
    void aSuppressionNeedsAKnownAlertAReasonAndAFutureExpiry() throws Exception {
        String id = firstAlert();
        assertThat(client.post("/v1/suppressions", "{\"alert\": \"nope\", \"reason\": \"r\", \"expires\": \"1d\"}").statusCode()).isEqualTo(404);
        assertThat(client.post("/v1/suppressions", "{\"alert\": \"" + id + "\", \"expires\": \"1d\"}").body()).contains("reason:");
        assertThat(client.post("/v1/suppressions", "{\"alert\": \"" + id + "\", \"reason\": \"r\", \"expires\": \"2020-01-01T00:00:00Z\"}").body())
                .contains("is already past");
        assertThat(client.post("/v1/suppressions", "{\"alert\": \"" + id + "\", \"reason\": \"r\", \"expires\": \"soon\"}").body())
                .contains("neither an RFC 3339 time nor a duration");
        assertThat(client.post("/v1/suppressions", "{\"alert\": \"" + id + "\", \"reason\": \"r\", \"expires\": \"1d\", \"scope\": [\"user\"]}").body())
                .contains("scope: the alert's evidence names no user");
        assertThat(data.resolve("suppressions")).isEmptyDirectory();
    }

    @Test
    void aScopeCanBeNamed() throws Exception {
        HttpResponse<String> r = client.post("/v1/suppressions", """
                {"alert": "%s", "reason": "whole namespace is a sandbox", "expires": "1d", "scope": ["namespace"]}""".formatted(firstAlert()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(TestServers.JSON.readTree(r.body()).path("scope").toString()).isEqualTo("{\"k8s.namespace\":\"shop\"}");
    }
}
