package dev.picket.simulator.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingTest {
    private record Sent(EventSink.Telemetry kind, ObjectNode event) {
    }

    @Test
    void whatATeeRecordsReplaysWithItsTimesMovedToTheNewStart() throws Exception {
        List<Sent> live = new ArrayList<>();
        StringWriter file = new StringWriter();
        EventSink tee = Recording.tee(file, (kind, event) -> live.add(new Sent(kind, event)));
        tee.accept(EventSink.Telemetry.AUDIT, JsonNodeFactory.instance.objectNode().put("verb", "create")
                .put("requestReceivedTimestamp", "2026-12-07T10:00:00.000001Z").put("stageTimestamp", "2026-12-07T10:00:00.5Z"));
        tee.accept(EventSink.Telemetry.RUNTIME, JsonNodeFactory.instance.objectNode().put("Image", "/usr/bin/nmap")
                .put("time", "2026-12-07T10:00:02Z"));
        assertThat(live).hasSize(2);

        List<Sent> replayed = new ArrayList<>();
        int sent = Recording.replay(new BufferedReader(new StringReader(file.toString())), "rec.jsonl",
                Instant.parse("2026-12-08T00:00:00Z"), (kind, event) -> replayed.add(new Sent(kind, event)));
        assertThat(sent).isEqualTo(2);
        assertThat(replayed.get(0).kind()).isEqualTo(EventSink.Telemetry.AUDIT);
        assertThat(replayed.get(0).event().path("requestReceivedTimestamp").asText()).isEqualTo("2026-12-08T00:00:00Z");
        assertThat(replayed.get(0).event().path("stageTimestamp").asText()).isEqualTo("2026-12-08T00:00:00.499999Z");
        assertThat(replayed.get(1).kind()).isEqualTo(EventSink.Telemetry.RUNTIME);
        assertThat(replayed.get(1).event().path("time").asText()).isEqualTo("2026-12-08T00:00:01.999999Z");
        assertThat(replayed.get(1).event().path("Image").asText()).isEqualTo("/usr/bin/nmap");
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        String text = "{\"telemetry\":\"runtime\",\"event\":{\"time\":\"2026-12-07T10:00:00Z\"}}\n{\"telemetry\":\"syslog\",\"event\":{}}\n";
        assertThatThrownBy(() -> Recording.replay(new BufferedReader(new StringReader(text)), "rec.jsonl", Instant.now(), (k, e) -> { }))
                .isInstanceOf(IOException.class).hasMessage("rec.jsonl:2: telemetry must be audit or runtime");
    }

    @Test
    void everyScenarioHasARecording() {
        for (String name : dev.picket.simulator.scenario.Scenarios.BUILT_IN) {
            if (name.equals("all")) continue;
            assertThat(RecordingTest.class.getResource("/dev/picket/simulator/recordings/" + name + ".jsonl")).as(name).isNotNull();
        }
    }
}
