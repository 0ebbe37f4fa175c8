package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick-start samples at the repository root decode cleanly and hold the story they tell. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private final List<Event> events = new ArrayList<>();
    private final List<DecodeError> errors = new ArrayList<>();

    private ReadSummary read(String name) throws IOException {
        return new InputReader(DecodeSettings.defaults(Decoded.CLOCK)).read(SAMPLES.resolve(name), events::add, errors::add);
    }

    private long count(String path, String value) {
        FieldPath p = FieldPath.of(path);
        return events.stream().filter(e -> e.anyValue(p, v -> v.asText().equals(value))).count();
    }

    @Test
    void auditSample() throws IOException {
        ReadSummary s = read("audit-attack.jsonl");
        assertThat(errors).isEmpty();
        assertThat(s.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(s.events()).isGreaterThan(30);
        assertThat(count("user.username", "system:anonymous")).isEqualTo(4);
        assertThat(count("objectRef.subresource", "exec")).isEqualTo(3);
        assertThat(count("requestObject.roleRef.name", "cluster-admin")).isEqualTo(1);
        assertThat(count("requestObject.spec.volumes.hostPath.path", "/")).isEqualTo(1);
        assertThat(count("verb", "deletecollection")).isEqualTo(1);
        assertThat(count("annotations.authorization.k8s.io/decision", "forbid")).isEqualTo(1);
    }

    @Test
    void runtimeSample() throws IOException {
        ReadSummary s = read("runtime-attack.jsonl");
        assertThat(errors).isEmpty();
        assertThat(s.format()).isEqualTo(InputFormat.RUNTIME);
        assertThat(count("ExeInUpperLayer", "true")).isEqualTo(2);
        assertThat(count("TargetFilename", "/etc/shadow")).isEqualTo(1);
        assertThat(count("TargetFilename", "/var/run/secrets/kubernetes.io/serviceaccount/token")).isEqualTo(1);
        assertThat(count("DestinationPort", "3333")).isEqualTo(1);
        assertThat(count("Image", "/tmp/.x/nmap")).as("the scan and its connection").isEqualTo(2);
    }

    @Test
    void sshdSample() throws IOException {
        ReadSummary s = read("sshd.log");
        assertThat(errors).isEmpty();
        assertThat(s.format()).isEqualTo(InputFormat.SSHD);
        assertThat(count("EventType", "failed_password")).isGreaterThanOrEqualTo(10);
        assertThat(events.stream().filter(e -> "accepted_password".equals(e.text(FieldPath.of("EventType"))))
                .map(e -> e.text(FieldPath.of("SourceIp")) + " " + e.text(FieldPath.of("User"))))
                .containsExactly("203.0.113.77 ubuntu");
        assertThat(s.skipped()).isPositive();
    }
}
