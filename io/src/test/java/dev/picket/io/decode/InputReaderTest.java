package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recognising an input's format, and what happens to input that fits none. */
class InputReaderTest {
    @Test
    void eachFormatIsRecognisedFromItsFirstRecord() {
        assertThat(Decoded.read(AuditDecoderTest.V1).summary.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(Decoded.read(RuntimeDecodingTest.EXEC).summary.format()).isEqualTo(InputFormat.RUNTIME);
        assertThat(Decoded.read(TetragonDecoderTest.EXEC).summary.format()).isEqualTo(InputFormat.TETRAGON);
        assertThat(Decoded.read(FalcoDecoderTest.SHELL).summary.format()).isEqualTo(InputFormat.FALCO);
        assertThat(Decoded.read(TraceeDecoderTest.EXEC).summary.format()).isEqualTo(InputFormat.TRACEE);
        assertThat(Decoded.read("{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"m\",\"_COMM\":\"cron\"}").summary.format())
                .isEqualTo(InputFormat.JOURNALD);
        assertThat(Decoded.read("Mar 10 09:00:00 node-3 sshd[1]: Connection closed by 192.0.2.1 port 5\n").summary.format())
                .isEqualTo(InputFormat.SSHD);
    }

    @Test
    void leadingBlankLinesAndAMalformedFirstRecordDoNotDecideTheFormat() {
        Decoded d = Decoded.read("\n   \n{\"broken\": \n" + AuditDecoderTest.V1);
        assertThat(d.summary.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly(
                "test.log:3: JSON document starting here is truncated (input breaks off at line 4)");
    }

    @Test
    void unrecognisedJsonIsReportedOnceAndTheInputLeft() {
        Decoded d = Decoded.read("{\"level\":\"info\",\"msg\":\"started\"}\n" + AuditDecoderTest.V1);
        assertThat(d.events).isEmpty();
        assertThat(d.summary.format()).isNull();
        assertThat(d.errorTexts()).singleElement().asString()
                .startsWith("test.log:1: unrecognised JSON input: not a Kubernetes audit event");
    }

    @Test
    void unrecognisedTextIsReportedOnceAndTheInputLeft() {
        Decoded d = Decoded.read("time=\"2026-03-10\" level=info msg=hello\nanother line\n");
        assertThat(d.events).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(null, 0, 0, 1));
        assertThat(d.errorTexts()).containsExactly("test.log:1: unrecognised input: neither JSON objects nor syslog lines "
                + "(formats: audit, eks, aks, gke, runtime, sshd, journald, tetragon, falco, tracee)");
    }

    @Test
    void aLongUnrecognisedInputIsLeftAfterTenLines() {
        Decoded d = Decoded.read("x\n".repeat(10) + AuditDecoderTest.V1);
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).singleElement().asString().startsWith("test.log:1: unrecognised input");
    }

    @Test
    void aFileCutMidRecordIsRecognisedFromItsFirstWholeRecord() {
        String cut = AuditDecoderTest.V1.substring(200);
        Decoded d = Decoded.read(cut + AuditDecoderTest.V1);
        assertThat(d.summary.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: neither a JSON object nor a syslog line");
    }

    @Test
    void journalctlTextOutputWithItsMarkersIsReadAsSyslog() {
        Decoded d = Decoded.read("""
                -- Logs begin at Mon 2026-03-09 00:00:01 UTC, end at Tue 2026-03-10 09:10:23 UTC. --
                Mar 10 09:07:13 node-3 sshd[30212]: Invalid user admin from 203.0.113.77 port 52557
                -- Boot 3f2a9c1e5b7d4f60a8e2c4b6d8f0a1c3 --
                Mar 10 09:08:07 node-3 sshd[30285]: Accepted password for ubuntu from 203.0.113.77 port 44561 ssh2
                """);
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.SSHD, 2, 2, 0));
    }

    @Test
    void aNamedFormatIsNotSecondGuessed() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.SSHD), AuditDecoderTest.V1);
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).singleElement().asString().startsWith("test.log:1: not a syslog line");

        Decoded forcedJson = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.AUDIT),
                "Mar 10 09:00:00 node-3 sshd[1]: x\n");
        assertThat(forcedJson.errorTexts()).containsExactly("test.log:1: not a JSON object: starts with 'M'");
    }

    @Test
    void oversizedLineIsAnErrorAndTheNextLineIsRead() {
        String huge = "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"x\",\"pad\":\"" + "p".repeat(5000) + "\"}";
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withMaxLineBytes(4096),
                RuntimeDecodingTest.EXEC + huge + "\n" + RuntimeDecodingTest.EXEC);
        assertThat(d.events).hasSize(2);
        assertThat(d.events.get(1).origin().line()).isEqualTo(3);
        assertThat(d.errorTexts()).containsExactly("test.log:2: line longer than 4096 bytes; skipped");
        assertThat(d.summary.errors()).isEqualTo(1);
    }

    @Test
    void countsEventsSkipsAndErrors() {
        Decoded d = Decoded.read("""
                Mar 10 09:00:00 node-3 sshd[1]: Invalid user a from 192.0.2.1 port 5
                Mar 10 09:00:01 node-3 CRON[2]: x
                garbage
                Mar 10 09:00:02 node-3 sshd[1]: Invalid user b from 192.0.2.1 port 6
                """);
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.SSHD, 2, 1, 1));
    }

    @Test
    void readsAFileUnderItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, AuditDecoderTest.V1);
        List<Event> events = new ArrayList<>();
        ReadSummary summary = new InputReader(DecodeSettings.defaults(Decoded.CLOCK)).read(file, events::add, e -> { });
        assertThat(summary.events()).isEqualTo(1);
        assertThat(events.getFirst().origin().source()).isEqualTo(file.toString());
        assertThat(events.getFirst().origin().line()).isEqualTo(1);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void gzipCompressedInputIsReadDecompressed() throws IOException {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK), gzip(AuditDecoderTest.V1 + AuditDecoderTest.V1));
        assertThat(d.errors).isEmpty();
        assertThat(d.summary).isEqualTo(new ReadSummary(InputFormat.AUDIT, 2, 0, 0));
    }

    @Test
    void cutOffCompressedInputKeepsWhatCameBeforeAndSaysWhereItStopped() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 2000; i++) log.append(AuditDecoderTest.V1.replace("5f0c2b4e-8a1d", "%013x".formatted(i * 7919L * 104729L)));
        byte[] whole = gzip(log.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK), cut);
        assertThat(d.events).isNotEmpty().hasSizeLessThan(2000);
        assertThat(d.errorTexts()).last().asString()
                .matches("test\\.log:\\d+: compressed input is corrupt or cut off: .*");
    }

    @Test
    void formatWordsAreTheInputFormatOptionValues() {
        assertThat(InputFormat.byId("Falco")).isEqualTo(InputFormat.FALCO);
        assertThatThrownBy(() -> InputFormat.byId("cloudtrail"))
                .hasMessage("unknown input format 'cloudtrail' (known: audit, eks, aks, gke, runtime, sshd, journald, tetragon, falco, tracee)");
    }

    @Test
    void settingsRejectANonPositiveLineLimit() {
        assertThatThrownBy(() -> DecodeSettings.defaults(Decoded.CLOCK).withMaxLineBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
