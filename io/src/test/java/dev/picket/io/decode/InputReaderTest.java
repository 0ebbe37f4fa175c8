package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
                + "(formats: audit, runtime, sshd, journald, tetragon, falco, tracee)");
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

    @Test
    void formatWordsAreTheInputFormatOptionValues() {
        assertThat(InputFormat.byId("Falco")).isEqualTo(InputFormat.FALCO);
        assertThatThrownBy(() -> InputFormat.byId("cloudtrail"))
                .hasMessage("unknown input format 'cloudtrail' (known: audit, runtime, sshd, journald, tetragon, falco, tracee)");
    }

    @Test
    void settingsRejectANonPositiveLineLimit() {
        assertThatThrownBy(() -> DecodeSettings.defaults(Decoded.CLOCK).withMaxLineBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
