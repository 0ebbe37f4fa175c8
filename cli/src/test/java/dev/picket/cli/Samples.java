package dev.picket.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rule and event texts the command tests share. */
final class Samples {
    static final String EXEC_RULE = """
            title: Exec into a pod
            id: 0b0d7a3e-1111-4222-8333-444455556666
            name: test-exec
            status: test
            description: Someone opened a shell in a container.
            level: high
            tags:
              - attack.execution
              - attack.t1609
            logsource:
              product: kubernetes
              service: audit
            detection:
              selection:
                verb: create
                objectRef.subresource: exec
              condition: selection
            """;

    static final String SECRET_RULE = """
            title: Secret written
            id: 0b0d7a3e-1111-4222-8333-444455556667
            name: test-secret-write
            status: test
            level: low
            tags:
              - attack.credential_access
              - attack.t1552.007
            logsource:
              product: kubernetes
              service: audit
            detection:
              selection:
                verb: create
                objectRef.resource: secrets
              condition: selection
            """;

    static final String EXEC_EVENT = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
            + "\"auditID\":\"a1\",\"stage\":\"ResponseStarted\","
            + "\"requestURI\":\"/api/v1/namespaces/shop/pods/web-0/exec?command=sh&container=app\",\"verb\":\"create\","
            + "\"user\":{\"username\":\"alice\"},\"sourceIPs\":[\"203.0.113.7\"],"
            + "\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"shop\",\"name\":\"web-0\",\"subresource\":\"exec\"},"
            + "\"responseStatus\":{\"code\":101},"
            + "\"requestReceivedTimestamp\":\"2026-12-07T10:00:00.000000Z\",\"stageTimestamp\":\"2026-12-07T10:00:00.100000Z\"}";

    static final String SECRET_EVENT = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\","
            + "\"auditID\":\"s1\",\"stage\":\"ResponseComplete\","
            + "\"requestURI\":\"/api/v1/namespaces/shop/secrets\",\"verb\":\"create\","
            + "\"user\":{\"username\":\"bob\"},\"sourceIPs\":[\"10.0.0.9\"],"
            + "\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"shop\",\"name\":\"db\"},"
            + "\"responseStatus\":{\"code\":201},"
            + "\"requestObject\":{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"db\"},\"data\":{\"password\":\"aHVudGVyMg==\"}},"
            + "\"requestReceivedTimestamp\":\"2026-12-07T10:01:00.000000Z\",\"stageTimestamp\":\"2026-12-07T10:01:00.100000Z\"}";

    private Samples() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }
}
