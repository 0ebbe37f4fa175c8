package dev.picket.server.ingest;

import dev.picket.engine.event.FieldPath;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class InputDecoderTest {
    private final InputDecoder decoder = new InputDecoder("prod-eu", 1 << 20, Clock.systemUTC());

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final String EVENT_LIST = """
            {"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":[\
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a-1","stage":"ResponseComplete",\
            "verb":"create","user":{"username":"alice"},"objectRef":{"resource":"pods","namespace":"shop","name":"x"},\
            "requestReceivedTimestamp":"2026-11-02T10:00:00.000000Z","stageTimestamp":"2026-11-02T10:00:00.100000Z"},\
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a-2","stage":"ResponseComplete",\
            "verb":"get","user":{"username":"bob"},"objectRef":{"resource":"secrets","namespace":"shop","name":"db"},\
            "requestReceivedTimestamp":"2026-11-02T10:00:01.000000Z","stageTimestamp":"2026-11-02T10:00:01.100000Z"}]}
            """;

    @Test
    void anAuditWebhookBatchIsAnEventListOnOneLine() {
        DecodedBatch batch = decoder.decode(Source.AUDIT, bytes(EVENT_LIST));
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.events()).hasSize(2);
        assertThat(batch.events().getFirst().logSource()).isEqualTo(LogSource.KUBERNETES_AUDIT);
        assertThat(batch.events().getFirst().origin().cluster()).isEqualTo("prod-eu");
        assertThat(batch.events().get(1).text(FieldPath.of("user.username"))).isEqualTo("bob");
    }

    @Test
    void runtimeEventsAreJsonLinesAndABadLineIsNamed() {
        String good = "{\"time\":\"2026-11-02T10:00:00Z\",\"category\":\"process_creation\",\"Image\":\"/bin/sh\"}\n";
        DecodedBatch batch = decoder.decode(Source.RUNTIME, bytes(good + "{\"time\":\n" + good));
        assertThat(batch.events()).hasSize(2);
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e).startsWith("runtime:2: "));
    }

    @Test
    void aRuntimeLineSentToTheAuditEndpointIsAnError() {
        String runtime = "{\"time\":\"2026-11-02T10:00:00Z\",\"category\":\"process_creation\",\"Image\":\"/bin/sh\"}\n";
        DecodedBatch batch = decoder.decode(Source.AUDIT, bytes(runtime));
        assertThat(batch.events()).isEmpty();
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e).startsWith("audit:1: "));
    }
}
