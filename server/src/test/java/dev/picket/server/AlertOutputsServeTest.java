package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.config.ConfigException;
import dev.picket.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.picket.server.TestServers.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code outputs:} in the server's configuration: alerts go to each output whose filter takes them. */
class AlertOutputsServeTest {
    @TempDir
    Path dir;

    /** An EKS subscription payload (as a forwarder posts it) carrying an exec and a cluster role binding. */
    private static String eksBatch() {
        String exec = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"auditID\":\"e-1\",\"stage\":\"ResponseStarted\","
                + "\"requestURI\":\"/api/v1/namespaces/shop/pods/web/exec?command=sh\",\"verb\":\"create\",\"user\":{\"username\":\"alice\"},"
                + "\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"shop\",\"name\":\"web\",\"subresource\":\"exec\"},"
                + "\"stageTimestamp\":\"2026-11-02T10:00:00.100000Z\"}";
        String binding = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"auditID\":\"e-2\",\"stage\":\"ResponseComplete\","
                + "\"requestURI\":\"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings\",\"verb\":\"create\",\"user\":{\"username\":\"alice\"},"
                + "\"objectRef\":{\"resource\":\"clusterrolebindings\",\"name\":\"x\",\"apiGroup\":\"rbac.authorization.k8s.io\"},"
                + "\"stageTimestamp\":\"2026-11-02T10:00:01.100000Z\"}";
        return "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/eks/shop-eks/cluster\",\"logStream\":\"kube-apiserver-audit-1\","
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":" + JSON.valueToTree(exec) + "},"
                + "{\"id\":\"2\",\"timestamp\":2,\"message\":" + JSON.valueToTree(binding) + "}]}";
    }

    @Test
    void alertsOfAManagedClusterReachTheFileOutputThatTakesThem() throws Exception {
        Path configFile = dir.resolve("picket.yml");
        Files.writeString(configFile, """
                token: test-token-0123456789
                outputs:
                  - type: file
                    path: out/high.jsonl
                    filter: {minSeverity: high}
                  - type: file
                    path: out/all.jsonl
                    format: ocsf
                """);
        ServerConfig config = ServerConfig.load(configFile, Map.of()).withFlags(0, dir.resolve("data"));
        assertThat(config.outputs()).hasSize(2);
        Path high = dir.resolve("out/high.jsonl");
        Path all = dir.resolve("out/all.jsonl");
        try (PicketServer server = new PicketServer(config, TestServers.engineRules()).start()) {
            assertThat(TestServers.Client.local(server.port()).post("/v1/audit", eksBatch()).statusCode()).isEqualTo(200);
            TestServers.await("both alerts in the unfiltered output", () -> lines(all).size() == 2);
        }
        List<String> highLines = lines(high);
        assertThat(highLines).singleElement().satisfies(line -> {
            JsonNode alert = JSON.readTree(line);
            assertThat(alert.path("rule").path("id").asText()).isEqualTo("TEST-CRB");
            assertThat(alert.path("entity").path("cluster").asText()).isEqualTo("shop-eks");
        });
        assertThat(lines(all)).allSatisfy(line -> assertThat(JSON.readTree(line).path("class_uid").asInt()).isEqualTo(2004));
    }

    @Test
    void aBadOutputIsAConfigurationErrorNamingIt() throws Exception {
        Path configFile = dir.resolve("picket.yml");
        Files.writeString(configFile, "outputs:\n  - type: syslog\n    host: siem\n");
        assertThatThrownBy(() -> ServerConfig.load(configFile, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(configFile + ": outputs[0] (syslog): port must be a positive number");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
