package dev.picket.sensor.out;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesSinkTest {
    @Test
    void oneCompactObjectPerLineVisibleAfterAFlush() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesSink sink = new JsonLinesSink(out, false);
        sink.accept(JsonNodeFactory.instance.objectNode().put("category", "process_creation").put("CommandLine", "sh -c 'a\nb'"));
        assertThat(out.size()).as("buffered until flushed").isZero();
        sink.accept(JsonNodeFactory.instance.objectNode().put("category", "file_access"));
        sink.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"category\":\"process_creation\",\"CommandLine\":\"sh -c 'a\\nb'\"}\n{\"category\":\"file_access\"}\n");
    }
}
