package dev.picket.streams.config;

import dev.picket.io.decode.InputFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsFileTest {
    @Test
    void readsEveryOptionAndTakesThePasswordFromTheEnvironment() throws Exception {
        StreamsSettings s = SettingsFile.parse("streams.yml", """
                kafka:
                  bootstrap.servers: kafka:9092
                  security.protocol: SSL
                applicationId: picket-prod
                threads: 4
                stateDir: /var/lib/picket
                inputs:
                  - topic: audit
                    format: audit
                  - topic: anything
                output: alerts
                cluster: prod-eu
                rules: {builtin: false, paths: [/etc/picket/rules]}
                correlation: {maxGroupsPerRule: 5000}
                http: {port: 9401}
                store: {jdbcUrl: "jdbc:postgresql://db/picket", user: picket, passwordEnv: DB_PASSWORD}
                """, Map.of("DB_PASSWORD", "s3cret"));
        assertThat(s.kafka()).containsEntry("bootstrap.servers", "kafka:9092").containsEntry("security.protocol", "SSL");
        assertThat(s.applicationId()).isEqualTo("picket-prod");
        assertThat(s.threads()).isEqualTo(4);
        assertThat(s.stateDir()).isEqualTo(Path.of("/var/lib/picket"));
        assertThat(s.inputs()).containsExactly(new StreamsSettings.Input("audit", InputFormat.AUDIT),
                new StreamsSettings.Input("anything", null));
        assertThat(s.output()).isEqualTo("alerts");
        assertThat(s.cluster()).isEqualTo("prod-eu");
        assertThat(s.builtinRules()).isFalse();
        assertThat(s.ruleFiles()).containsExactly(Path.of("/etc/picket/rules"));
        assertThat(s.maxGroupsPerRule()).isEqualTo(5000);
        assertThat(s.httpPort()).isEqualTo(9401);
        assertThat(s.store().password()).isEqualTo("s3cret");
        assertThat(s.store().toString()).doesNotContain("s3cret");
    }

    @Test
    void onlyTheBrokerIsRequired() throws Exception {
        StreamsSettings s = SettingsFile.parse("streams.yml", "kafka: {bootstrap.servers: 'k:9092'}", Map.of());
        assertThat(s.inputs()).containsExactly(new StreamsSettings.Input("picket.audit", InputFormat.AUDIT),
                new StreamsSettings.Input("picket.events", InputFormat.RUNTIME));
        assertThat(s.output()).isEqualTo("picket.alerts");
        assertThat(s.threads()).isEqualTo(1);
        assertThat(s.builtinRules()).isTrue();
        assertThat(s.maxGroupsPerRule()).isEqualTo(100_000);
        assertThat(s.store()).isNull();
    }

    @Test
    void reportsEveryProblemWithTheFileAndKey() {
        assertThatThrownBy(() -> SettingsFile.parse("streams.yml", """
                threads: 0
                inputs:
                  - format: klingon
                treads: 2
                correlation: {maxGroupsPerRule: many}
                store: {jdbcUrl: "jdbc:postgresql://db/picket", passwordEnv: UNSET}
                """, Map.of()))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "streams.yml: treads: unknown key (known: applicationId, cluster, correlation, http, inputs, kafka, output, rules, stateDir, store, threads)",
                        "streams.yml: kafka.bootstrap.servers: required",
                        "streams.yml: threads: expected a whole number of at least 1, got '0'",
                        "streams.yml: inputs[0].topic: required",
                        "streams.yml: inputs[0].format: unknown input format 'klingon' (known: " + InputFormat.ids() + ")",
                        "streams.yml: correlation.maxGroupsPerRule: expected a whole number of at least 1, got 'many'",
                        "streams.yml: store.passwordEnv: environment variable UNSET is not set"));
    }

    @Test
    void relativePathsInAFileAreRelativeToIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("streams.yml");
        java.nio.file.Files.writeString(file, "kafka: {bootstrap.servers: 'k:9092'}\nstateDir: state\nrules: {paths: [rules]}\n");
        StreamsSettings s = SettingsFile.read(file, Map.of());
        assertThat(s.stateDir()).isEqualTo(dir.resolve("state"));
        assertThat(s.ruleFiles()).containsExactly(dir.resolve("rules"));
    }

    @Test
    void badYamlNamesTheLine() {
        assertThatThrownBy(() -> SettingsFile.parse("streams.yml", "kafka:\n  - [unclosed\n", Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("streams.yml:");
    }
}
