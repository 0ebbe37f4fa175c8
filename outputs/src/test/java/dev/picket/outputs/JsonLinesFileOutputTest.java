package dev.picket.outputs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFileOutputTest {
    @TempDir
    Path dir;

    private static long lineBytes() {
        return (PayloadFormat.PICKET.render(TestAlerts.alert("a-1")) + "\n").length();
    }

    @Test
    void eachAlertIsOneLineAndALaterRunAppends() throws Exception {
        Path file = dir.resolve("out/alerts.jsonl");
        try (JsonLinesFileOutput out = new JsonLinesFileOutput(file, 1 << 20, 3, PayloadFormat.PICKET)) {
            out.deliver(TestAlerts.alert("a-1"));
        }
        try (JsonLinesFileOutput out = new JsonLinesFileOutput(file, 1 << 20, 3, PayloadFormat.PICKET)) {
            out.deliver(TestAlerts.alert("a-2"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"id\":\"a-2\"");
    }

    @Test
    void rotatesBeforeALineWouldPassTheLimitAndKeepsOnlyTheNewestFiles() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        // Two lines fit, a third does not.
        try (JsonLinesFileOutput out = new JsonLinesFileOutput(file, lineBytes() * 2 + 1, 2, PayloadFormat.PICKET)) {
            for (int i = 1; i <= 7; i++) out.deliver(TestAlerts.alert("a-" + i));
        }
        assertThat(Files.readAllLines(file)).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"a-7\""));
        assertThat(Files.readAllLines(dir.resolve("alerts.jsonl.1"))).hasSize(2).first().asString().contains("\"a-5\"");
        assertThat(Files.readAllLines(dir.resolve("alerts.jsonl.2"))).hasSize(2).first().asString().contains("\"a-3\"");
        assertThat(dir.resolve("alerts.jsonl.3")).doesNotExist();
    }

    @Test
    void aLineLongerThanTheLimitStillGoesWholeIntoAFileOfItsOwn() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileOutput out = new JsonLinesFileOutput(file, 10, 1, PayloadFormat.OCSF)) {
            out.deliver(TestAlerts.alert("a-1"));
            out.deliver(TestAlerts.alert("a-2"));
        }
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"class_uid\":2004").contains("a-2");
        assertThat(Files.readAllLines(dir.resolve("alerts.jsonl.1"))).singleElement().asString().contains("a-1");
    }
}
