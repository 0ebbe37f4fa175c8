package dev.picket.server.reload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.rule.Severity;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import dev.picket.server.TestServers.Client;
import dev.picket.server.admission.AdmissionPolicy;
import dev.picket.server.config.ConfigException;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.lifecycle.Events;
import dev.picket.server.ops.Operations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tuning without restarts: a valid change takes effect, a broken one is refused and the old rules keep firing. */
class ReloadTest {
    private static final String BAD_RULE = Events.RULE.replace("TEST-EVIL", "TEST-BAD").replace("Evil", "Bad")
            .replace("contains: evil", "contains: bad");

    @TempDir
    Path data;
    @TempDir
    Path rulesDir;
    PicketServer server;
    Client client;

    /** Reads the folder's rule files each time, as picket serve reads its rule folders. */
    private RuleSet load() throws dev.picket.engine.rule.RuleLoadException, IOException {
        RuleSet.Builder b = RuleSet.builder();
        try (Stream<Path> files = Files.list(rulesDir)) {
            for (Path f : files.sorted().toList()) b.add(f.getFileName().toString(), Files.readString(f));
        }
        return b.build();
    }

    private void start(Map<String, RuleOverride> overrides) throws IOException {
        start(overrides, false);
    }

    private void start(Map<String, RuleOverride> overrides, boolean watch) throws IOException {
        Operations ops = new Operations(data.resolve("suppressions"), watch, null, overrides);
        ServerConfig c = TestServers.config(data);
        ServerConfig config = new ServerConfig(c.port(), c.data(), c.cluster(), c.token(), c.tls(), c.store(), c.ingest(),
                c.incidentWindow(), List.of(rulesDir), c.forward());
        server = new PicketServer(config, this::load, AdmissionPolicy.defaults(), ops).start();
        client = Client.local(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private List<String> rulesAlerted() {
        try {
            JsonNode alerts = client.getJson("/v1/alerts?limit=100").path("alerts");
            return alerts.findValuesAsText("id").stream().filter(s -> s.startsWith("TEST-")).sorted().toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void feed(int minute, String commandLine, int expectedAlerts) throws Exception {
        client.post("/v1/events", Events.process(minute, 0, "shop", "web-" + minute, commandLine));
        await(expectedAlerts + " alerts", () -> rulesAlerted().size() == expectedAlerts);
    }

    @Test
    void aValidChangeTakesEffectWithoutARestart() throws Exception {
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE);
        start(Map.of());
        feed(0, "run bad", 0);

        Files.writeString(rulesDir.resolve("bad.yml"), BAD_RULE);
        HttpResponse<String> r = client.post("/v1/reload", "");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestServers.JSON.readTree(r.body()).path("rules").asInt()).isEqualTo(2);
        feed(1, "run bad", 1);
        assertThat(rulesAlerted()).containsExactly("TEST-BAD");
    }

    @Test
    void aChangedFileIsPickedUpByTheWatch() throws Exception {
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE);
        start(Map.of(), true);

        Files.writeString(rulesDir.resolve("bad.yml"), BAD_RULE);

        int[] second = {0};
        await("the watch to load bad.yml", () -> {
            try {
                // A new event each time: the server would take a resent identical batch as a retry.
                client.post("/v1/events", Events.process(0, second[0]++ % 60, "shop", "web-0", "run bad"));
                return rulesAlerted().contains("TEST-BAD");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndTheOldRulesKeepFiring() throws Exception {
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE);
        start(Map.of());
        Files.writeString(rulesDir.resolve("broken.yml"), BAD_RULE.replace("contains: bad", "nosuchmodifier: bad"));
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE.replace("contains: evil", "contains: other"));

        HttpResponse<String> r = client.post("/v1/reload", "");

        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode body = TestServers.JSON.readTree(r.body());
        assertThat(body.path("errors")).singleElement().satisfies(e -> assertThat(e.asText()).isEqualTo("broken.yml:8: unknown modifier 'nosuchmodifier'"));
        feed(0, "run evil", 1);
        assertThat(rulesAlerted()).as("the previous rule set, not the edited evil.yml").containsExactly("TEST-EVIL");
    }

    @Test
    void overridesChangeSeverityAddTagsAndDisable() throws Exception {
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE);
        Files.writeString(rulesDir.resolve("bad.yml"), BAD_RULE);
        start(Map.of("TEST-EVIL", new RuleOverride(false, Severity.LOW, List.of("team.payments")),
                "TEST-BAD", new RuleOverride(true, null, List.of())));

        feed(0, "run evil and bad", 1);

        JsonNode alert = client.getJson("/v1/alerts").path("alerts").get(0);
        assertThat(alert.at("/rule/id").asText()).isEqualTo("TEST-EVIL");
        assertThat(alert.path("severity").asText()).isEqualTo("low");
        assertThat(alert.path("tags").get(0).asText()).isEqualTo("team.payments");
    }

    @Test
    void anOverrideOfAnUnknownRuleStopsTheStart() throws Exception {
        Files.writeString(rulesDir.resolve("evil.yml"), Events.RULE);
        assertThatThrownBy(() -> start(Map.of("TEST-TYPO", new RuleOverride(true, null, List.of()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rules.overrides names unknown rule 'TEST-TYPO'");
    }
}
