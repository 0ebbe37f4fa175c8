package dev.picket.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code forward:} section: passing accepted events on to the streams runner. */
class ForwardConfigTest {
    @TempDir
    Path dir;

    @Test
    void forwardingIsOffUnlessConfiguredAndTakesDefaultTopics() throws Exception {
        assertThat(ServerConfig.load(file("port: 1\n"), Map.of()).forward()).isNull();
        ServerConfig.Forward f = ServerConfig.load(file("""
                forward:
                  kafka: {bootstrap.servers: 'kafka:9092', sasl.jaas.config: secret}
                """), Map.of()).forward();
        assertThat(f.kafka()).containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(f.auditTopic()).isEqualTo("picket.audit");
        assertThat(f.eventsTopic()).isEqualTo("picket.events");
        assertThat(f.evaluate()).isFalse();
        assertThat(f.toString()).doesNotContain("secret");
    }

    @Test
    void forwardingWithoutBrokersIsRefused() throws Exception {
        Path file = file("forward:\n  auditTopic: a\n");
        assertThatThrownBy(() -> ServerConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage(file + ": forward.kafka.bootstrap.servers: required");
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("picket.yaml"), yaml);
    }
}
