package dev.picket.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("picket.yaml"), yaml);
    }

    @Test
    void readsEveryFieldWithPathsRelativeToTheFile() throws Exception {
        ServerConfig c = ServerConfig.load(file("""
                port: 9443
                data: state
                cluster: prod-eu
                token: from-file
                tls:
                  certificate: tls/tls.crt
                  key: tls/tls.key
                  clientCa: /etc/picket/ca.crt
                store:
                  url: jdbc:postgresql://db/picket
                  user: picket
                  password: secret
                  retention: 30d
                ingest:
                  maxBatch: 4MiB
                  queue: 64MiB
                  journalSegment: 8MiB
                  replay: 2h
                incidents:
                  window: 15m
                rules: [extra]
                """), Map.of());
        assertThat(c.port()).isEqualTo(9443);
        assertThat(c.data()).isEqualTo(dir.resolve("state"));
        assertThat(c.cluster()).isEqualTo("prod-eu");
        assertThat(c.token()).isEqualTo("from-file");
        assertThat(c.tls().certificate()).isEqualTo(dir.resolve("tls/tls.crt"));
        assertThat(c.tls().clientCa()).isEqualTo(Path.of("/etc/picket/ca.crt"));
        assertThat(c.store().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(c.ingest().maxBatchBytes()).isEqualTo(4L << 20);
        assertThat(c.ingest().queueBytes()).isEqualTo(64L << 20);
        assertThat(c.ingest().replay()).isEqualTo(Duration.ofHours(2));
        assertThat(c.incidentWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.rules()).containsExactly(dir.resolve("extra"));
    }

    @Test
    void defaultsNeedNoFile() {
        ServerConfig c = ServerConfig.defaults(Map.of());
        assertThat(c.port()).isEqualTo(8443);
        assertThat(c.ingest().maxBatchBytes()).isEqualTo(16L << 20);
        assertThat(c.store().url()).isNull();
        assertThat(c.tls().enabled()).isFalse();
        assertThat(c.token()).isNull();
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws Exception {
        ServerConfig c = ServerConfig.load(file("token: from-file\nport: 1000\n"),
                Map.of("PICKET_TOKEN", "from-env", "PICKET_STORE_URL", "jdbc:postgresql://x/y"))
                .withFlags(2000, dir.resolve("flag-data"));
        assertThat(c.token()).isEqualTo("from-env");
        assertThat(c.store().url()).isEqualTo("jdbc:postgresql://x/y");
        assertThat(c.port()).isEqualTo(2000);
        assertThat(c.data()).isEqualTo(dir.resolve("flag-data"));
        assertThat(ServerConfig.load(file("port: 1000\n"), Map.of()).withFlags(null, null).port()).isEqualTo(1000);
    }

    @Test
    void anUnknownFieldIsReportedWithItsLine() throws Exception {
        Path f = file("port: 1\ningest:\n  maxbatch: 1MiB\n");
        assertThatThrownBy(() -> ServerConfig.load(f, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ":3: ").hasMessageContaining("maxbatch");
    }

    @Test
    void badQuantitiesAndCombinationsAreNamed() throws Exception {
        assertThatThrownBy(() -> ServerConfig.load(file("ingest:\n  replay: soon\n"), Map.of()))
                .hasMessage("ingest.replay: 'soon' does not start with a number");
        assertThatThrownBy(() -> ServerConfig.load(file("ingest:\n  maxBatch: 16MB\n"), Map.of()))
                .hasMessageContaining("ingest.maxBatch: '16MB' is not a size");
        assertThatThrownBy(() -> ServerConfig.load(file("ingest:\n  maxBatch: 64MiB\n  queue: 32MiB\n"), Map.of()))
                .hasMessageContaining("must not exceed ingest.queue");
        assertThatThrownBy(() -> ServerConfig.load(file("tls:\n  certificate: a.crt\n"), Map.of()))
                .hasMessageContaining("certificate and key go together");
        assertThatThrownBy(() -> ServerConfig.load(file("tls:\n  clientCa: ca.crt\n"), Map.of()))
                .hasMessageContaining("tls.clientCa needs a server certificate");
    }

    @Test
    void secretsStayOutOfItsTextForm() throws Exception {
        ServerConfig c = ServerConfig.load(file("""
                token: tok-123
                tls: {keystore: k.p12, keystorePassword: ks-pass}
                store: {url: "jdbc:postgresql://db/p?password=url-pass", password: db-pass}
                """), Map.of());
        assertThat(c.toString()).doesNotContain("tok-123", "ks-pass", "url-pass", "db-pass").contains("token=set");
    }
}
