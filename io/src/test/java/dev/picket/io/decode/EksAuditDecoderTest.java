package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class EksAuditDecoderTest {
    /** The audit event as EKS writes it into the log stream, serialised into a log event's message. */
    private static final String MESSAGE = AuditDecoderTest.V1.strip().replace("\\", "\\\\").replace("\"", "\\\"");

    /** A CloudWatch Logs subscription DATA_MESSAGE from an EKS cluster's log group. */
    static String dataMessage(String logStream, String... messages) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < messages.length; i++) {
            if (i > 0) events.append(',');
            events.append("{\"id\":\"3819562193650948123765210936472918273645192837465").append(i)
                    .append("\",\"timestamp\":1773134348120,\"message\":\"").append(messages[i]).append("\"}");
        }
        return "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/eks/shop-prod/cluster\","
                + "\"logStream\":\"" + logStream + "\",\"subscriptionFilters\":[\"picket-audit\"],\"logEvents\":[" + events + "]}";
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void decodedDataMessageYieldsEachLogEventsAuditEventUnderTheLogGroupsCluster() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withCluster("configured"),
                dataMessage("kube-apiserver-audit-9b5a1e7c0f3d2b6a8e4c1d7f9a0b3c5e", MESSAGE, MESSAGE));
        assertThat(d.errors).isEmpty();
        assertThat(d.summary.format()).isEqualTo(InputFormat.EKS);
        assertThat(d.events).hasSize(2);
        Event e = d.events.getFirst();
        assertThat(e.origin().cluster()).isEqualTo("shop-prod");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:19:08.120377Z"));
        assertThat(text(e, "objectRef.resource")).isEqualTo("secrets");
        assertThat(text(e, "annotations.authorization.k8s.io/decision")).isEqualTo("allow");
    }

    @Test
    void lambdaPayloadIsBase64OfGzip() {
        String data = Base64.getEncoder().encodeToString(gzip(dataMessage("kube-apiserver-audit-1", MESSAGE)));
        Event e = Decoded.read("{\"awslogs\":{\"data\":\"" + data + "\"}}").only();
        assertThat(e.origin().cluster()).isEqualTo("shop-prod");
        assertThat(text(e, "user.username")).isEqualTo("system:serviceaccount:shop:webapp");
    }

    @Test
    void firehoseObjectOfConcatenatedCompressedMessagesIsRead() {
        String one = dataMessage("kube-apiserver-audit-1", MESSAGE);
        byte[] first = gzip(one);
        byte[] second = gzip(one);
        byte[] object = new byte[first.length + second.length];
        System.arraycopy(first, 0, object, 0, first.length);
        System.arraycopy(second, 0, object, first.length, second.length);
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK), object);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(2);
    }

    @Test
    void controlMessagesAndOtherControlPlaneStreamsAreSkippedNotErrors() {
        String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
                + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1773134348120,"
                + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}";
        String authenticator = dataMessage("authenticator-4b1c2d3e", "time=\\\"2026-03-10T09:19:08Z\\\" level=info msg=\\\"access granted\\\"");
        Decoded d = Decoded.read(control + "\n" + authenticator + "\n" + dataMessage("kube-apiserver-audit-1", MESSAGE));
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(1);
        assertThat(d.summary.skipped()).isEqualTo(2);
    }

    @Test
    void aMessageThatIsNotJsonIsReportedAndItsNeighboursStillRead() {
        Decoded d = Decoded.read(dataMessage("kube-apiserver-audit-1", "I1210 09:19:08 not json", MESSAGE));
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: 'logEvents[0].message' is not valid JSON (at column 1)");
    }

    @Test
    void corruptAwslogsDataIsAnError() {
        Decoded d = Decoded.read("{\"awslogs\":{\"data\":\"H4sIAAAA!!\"}}");
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).singleElement().asString().startsWith("test.log:1: 'awslogs.data' is not base64");
    }

    @Test
    void compressedPayloadBeyondTheRecordLimitIsRefused() {
        String huge = dataMessage("kube-apiserver-audit-1", MESSAGE.repeat(1)) + " ".repeat(10_000);
        String data = Base64.getEncoder().encodeToString(gzip(huge));
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withMaxLineBytes(4096), "{\"awslogs\":{\"data\":\"" + data + "\"}}");
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).containsExactly("test.log:1: 'awslogs.data' decompresses to more than 4096 bytes");
    }

    @Test
    void clusterComesOnlyFromAnEksLogGroupName() {
        assertThat(EksAuditDecoder.cluster("/aws/eks/shop-prod/cluster")).isEqualTo("shop-prod");
        assertThat(EksAuditDecoder.cluster("/aws/lambda/shop-prod")).isNull();
        assertThat(EksAuditDecoder.cluster("/aws/eks/a/b/cluster")).isNull();
    }

    @Test
    void withoutAnEksLogGroupTheConfiguredClusterApplies() {
        String message = dataMessage("kube-apiserver-audit-1", MESSAGE).replace("/aws/eks/shop-prod/cluster", "audit-copies");
        Event e = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withCluster("configured"), message).only();
        assertThat(e.origin().cluster()).isEqualTo("configured");
    }
}
