package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Picket's own runtime events, and the shape every other sensor is mapped onto. */
class RuntimeDecodingTest {
    static final String EXEC = """
            {"time":"2026-03-10T09:14:07.030457Z","category":"process_creation","node":"node-2",\
            "container":{"id":"5e1f0c9a2b7d","name":"webapp","image":"registry.example.com/shop/webapp:2.14.1","privileged":false},\
            "k8s":{"namespace":"shop","pod":"webapp-7d9c6b8f4-x2lqp","labels":{"app.kubernetes.io/name":"webapp"}},\
            "ProcessId":51060,"ParentProcessId":51046,"Image":"/tmp/.x/xmrig",\
            "CommandLine":"/tmp/.x/xmrig -o stratum+tcp://pool.supportxmr.com:3333 --donate-level 1",\
            "ParentImage":"/bin/sh","ParentCommandLine":"sh","User":"tomcat","CurrentDirectory":"/tmp",\
            "Ancestors":[{"Image":"/bin/sh","CommandLine":"sh"},{"Image":"/opt/java/openjdk/bin/java","CommandLine":"java"}],\
            "ExeInUpperLayer":true}
            """;

    @Test
    void categoryNamesTheLinuxLogSource() {
        Decoded d = Decoded.read(EXEC);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.RUNTIME);
        assertThat(e.logSource()).isEqualTo(LogSource.linux("process_creation"));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:14:07.030457Z"));
        assertThat(text(e, "container.image")).isEqualTo("registry.example.com/shop/webapp:2.14.1");
        assertThat(text(e, "k8s.labels.app.kubernetes.io/name")).isEqualTo("webapp");
        assertThat(e.anyValue(dev.picket.engine.event.FieldPath.of("Ancestors.Image"),
                v -> v.asText().endsWith("/java"))).isTrue();
    }

    @Test
    void eventWithoutCategoryIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.RUNTIME),
                "{\"time\":\"2026-03-10T09:00:00Z\",\"Image\":\"/bin/sh\"}\n" + EXEC);
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: runtime event has no 'category'");
    }

    @Test
    void eventWithoutTimeIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.RUNTIME),
                "{\"category\":\"process_creation\"}");
        assertThat(d.errorTexts()).containsExactly("test.log:1: missing time field 'time'");
    }
}
