package dev.picket.sensor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.picket.sensor.RunningSensor.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The sensor watching a locally simulated container: attribution and drift. */
class SensorContainerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void eventsCarryTheContainerIdAndOnlyAWrittenBinaryIsInTheUpperLayer() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (SimulatedContainer container = SimulatedContainer.create(); RunningSensor sensor = RunningSensor.start()) {
            int exit = container.run("/bin/true image-" + marker + "; cp /bin/busybox /tmp/true; /tmp/true written-" + marker + "; sleep 1");
            assertThat(exit).isZero();

            List<ObjectNode> image = sensor.await(e -> ("/bin/true image-" + marker).equals(text(e, "CommandLine")), 1, WAIT);
            List<ObjectNode> written = sensor.await(e -> ("/tmp/true written-" + marker).equals(text(e, "CommandLine")), 1, WAIT);

            assertThat(image).hasSize(1);
            ObjectNode fromImage = image.getFirst();
            assertThat(fromImage.path("container").path("id").asText()).isEqualTo(container.id);
            assertThat(fromImage.has("host")).isFalse();
            assertThat(text(fromImage, "Image")).isEqualTo("/bin/busybox");
            assertThat(fromImage.get("ExeInUpperLayer").asBoolean()).isFalse();

            assertThat(written).hasSize(1);
            ObjectNode drifted = written.getFirst();
            assertThat(drifted.path("container").path("id").asText()).isEqualTo(container.id);
            assertThat(text(drifted, "Image")).isEqualTo("/tmp/true");
            assertThat(drifted.get("ExeInUpperLayer").asBoolean()).isTrue();
            assertThat(text(drifted, "ExeDrift")).isEqualTo("new");
            assertThat(text(drifted, "ParentImage")).isEqualTo("/bin/busybox");

            List<ObjectNode> starts = sensor.events(e -> "container_start".equals(text(e, "category")));
            assertThat(starts).filteredOn(e -> container.id.equals(e.path("container").path("id").asText())).hasSize(1)
                    .first().satisfies(start -> {
                        assertThat(start.path("container").path("privileged").asBoolean()).as("root with every capability").isTrue();
                        assertThat(start.path("container").path("mounts").isArray()).isTrue();
                    });
            assertThat(starts).allMatch(e -> e.has("container"));
        }
    }

    @Test
    void aReadOfTheContainersOwnTokenAndCredentialsIsReportedWithThePathInsideIt() throws Exception {
        try (SimulatedContainer container = SimulatedContainer.create(); RunningSensor sensor = RunningSensor.start()) {
            Path lower = container.dir.resolve("lower");
            Path tokenDir = Files.createDirectories(lower.resolve("var/run/secrets/kubernetes.io/serviceaccount"));
            Files.writeString(tokenDir.resolve("token"), "not-a-real-token");
            Path home = Files.createDirectories(lower.resolve("home/user"));
            Files.writeString(home.resolve(".git-credentials"), "https://user:not-a-real-token@git.example.com");
            Files.writeString(home.resolve("notes.txt"), "nothing secret");

            int exit = container.run("sleep 2; cat /var/run/secrets/kubernetes.io/serviceaccount/token /home/user/notes.txt"
                    + " /home/user/.git-credentials");
            assertThat(exit).isZero();

            String token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            List<ObjectNode> reads = sensor.await(e -> token.equals(text(e, "TargetFilename")), 1, WAIT);
            assertThat(reads).isNotEmpty();
            assertThat(text(reads.getFirst(), "category")).isEqualTo("file_access");
            assertThat(reads.getFirst().path("container").path("id").asText()).isEqualTo(container.id);
            assertThat(sensor.await(e -> "/home/user/.git-credentials".equals(text(e, "TargetFilename")), 1, WAIT)).isNotEmpty();
            assertThat(sensor.events(e -> "/home/user/notes.txt".equals(text(e, "TargetFilename"))))
                    .as("a file beside the credentials is not watched").isEmpty();
            assertThat(sensor.events(e -> String.valueOf(text(e, "TargetFilename")).startsWith("/proc/")))
                    .as("the path is the one inside the container").isEmpty();
        }
    }
}
