package dev.picket.server.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import dev.picket.server.TestServers.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Working alerts and incidents through the API: status, assignee, comments and their audit trail. */
class TriageApiTest {
    @TempDir
    Path data;
    PicketServer server;
    Client client;

    @BeforeEach
    void start() throws Exception {
        server = new PicketServer(TestServers.config(data), Events.rules()).start();
        client = Client.local(server.port());
        client.post("/v1/events", Events.process(0, 0, "shop", "web-1", "run evil"));
        awaitAlerts(1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void awaitAlerts(int n) throws InterruptedException {
        await(n + " alerts", () -> client.json("/v1/alerts?limit=100").path("alerts").size() == n);
    }

    private String firstAlert() {
        return client.json("/v1/alerts").path("alerts").get(0).path("id").asText();
    }

    private HttpResponse<String> patch(Client c, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.base() + path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (c.token() != null) b.header("Authorization", "Bearer " + c.token());
        return c.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChangeIsRecordedWithTheAuthenticatedCallerAndShowsInTheListing() throws Exception {
        String id = firstAlert();
        assertThat(client.json("/v1/alerts").path("alerts").get(0).path("status").asText()).isEqualTo("new");

        HttpResponse<String> r = patch(client, "/v1/alerts/" + id, """
                {"status": "acknowledged", "assignee": "bob", "comment": "on it"}""");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode triage = client.json("/v1/alerts/" + id + "/triage");
        assertThat(triage.path("status").asText()).isEqualTo("acknowledged");
        assertThat(triage.path("assignee").asText()).isEqualTo("bob");
        assertThat(triage.path("history")).extracting(e -> e.path("actor").asText() + " " + e.path("field").asText()
                + " " + e.path("to").asText()).containsExactly("token status acknowledged", "token assignee bob", "token comment on it");
        assertThat(client.json("/v1/alerts?status=acknowledged").path("alerts")).hasSize(1);
        assertThat(client.json("/v1/alerts?status=new").path("alerts")).isEmpty();
    }

    @Test
    void commentsAreAddedToIncidentsToo() throws Exception {
        String incident = client.json("/v1/incidents").path("incidents").get(0).path("id").asText();

        assertThat(client.post("/v1/incidents/" + incident + "/comments", "{\"text\": \"same as last week\"}").statusCode()).isEqualTo(200);
        assertThat(patch(client, "/v1/incidents/" + incident, "{\"status\": \"resolved\"}").statusCode()).isEqualTo(200);

        assertThat(client.json("/v1/incidents/" + incident + "/triage").path("history")).extracting(e -> e.path("field").asText())
                .containsExactly("comment", "status");
        assertThat(client.json("/v1/incidents").path("incidents").get(0).path("status").asText()).isEqualTo("resolved");
    }

    @Test
    void aRepeatOfAResolvedAlertReopensIt() throws Exception {
        String id = firstAlert();
        patch(client, "/v1/alerts/" + id, "{\"status\": \"resolved\"}");

        client.post("/v1/events", Events.process(5, 0, "shop", "web-1", "run evil again"));
        awaitAlerts(2);

        JsonNode triage = client.json("/v1/alerts/" + id + "/triage");
        assertThat(triage.path("status").asText()).isEqualTo("new");
        assertThat(triage.path("history").get(1).path("actor").asText()).isEqualTo("picket");
    }

    @Test
    void badChangesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String id = firstAlert();

        assertThat(patch(client, "/v1/alerts/" + id, "{\"status\": \"closed\"}").body())
                .contains("'closed' is not a status; use one of new, acknowledged, resolved, false-positive");
        assertThat(patch(client, "/v1/alerts/" + id, "{\"actor\": \"mallory\"}").body()).contains("unknown field 'actor'");
        assertThat(patch(client, "/v1/alerts/" + id, "{}").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/alerts/" + id + "/comments", "{\"text\": \" \"}").statusCode()).isEqualTo(400);
        assertThat(patch(client, "/v1/alerts/nope", "{\"status\": \"resolved\"}").statusCode()).isEqualTo(404);
        assertThat(client.json("/v1/alerts/" + id + "/triage").path("history")).isEmpty();
    }

    @Test
    void changesNeedAuthentication() throws Exception {
        String id = firstAlert();
        assertThat(patch(client.withToken(null), "/v1/alerts/" + id, "{\"status\": \"resolved\"}").statusCode()).isEqualTo(401);
        assertThat(patch(client.withToken("wrong"), "/v1/alerts/" + id, "{\"status\": \"resolved\"}").statusCode()).isEqualTo(401);
        assertThat(client.json("/v1/alerts/" + id + "/triage").path("status").asText()).isEqualTo("new");
    }
}
