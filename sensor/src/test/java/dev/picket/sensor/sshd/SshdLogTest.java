package dev.picket.sensor.sshd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SshdLogTest {
    @TempDir
    Path dir;

    private final List<ObjectNode> events = new CopyOnWriteArrayList<>();

    private void waitFor(int count) throws InterruptedException {
        for (int i = 0; i < 100 && events.size() < count; i++) Thread.sleep(50);
    }

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line + "\n", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }

    @Test
    void linesWrittenAfterTheStartBecomeSshdEventsAndOlderOnesAreNotRepeated() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "2026-12-07T10:00:00.000000+00:00 node-1 sshd[700]: Failed password for root from 203.0.113.9 port 40000 ssh2");
        try (SshdLog sshd = SshdLog.file(log, events::add)) {
            append(log, "2026-12-07T10:00:01.000000+00:00 node-1 sshd[701]: Failed password for invalid user admin from 203.0.113.9 port 40002 ssh2");
            append(log, "2026-12-07T10:00:02.000000+00:00 node-1 CRON[9]: pam_unix(cron:session): session opened for user root");
            waitFor(1);
            assertThat(events).hasSize(1);
            ObjectNode e = events.getFirst();
            assertThat(e.get("EventType").asText()).isEqualTo("failed_password");
            assertThat(e.get("User").asText()).isEqualTo("admin");
            assertThat(e.get("SourceIp").asText()).isEqualTo("203.0.113.9");
            assertThat(e.get("node").asText()).isEqualTo("node-1");
        }
    }

    @Test
    void aRotatedLogIsFollowedFromTheStartOfTheNewFile() throws Exception {
        Path log = dir.resolve("auth.log");
        append(log, "");
        try (SshdLog sshd = SshdLog.file(log, events::add)) {
            Files.move(log, dir.resolve("auth.log.1"));
            append(log, "2026-12-07T10:00:03.000000+00:00 node-1 sshd[702]: Accepted publickey for ops from 198.51.100.4 port 50000 ssh2: ED25519 SHA256:abc");
            waitFor(1);
            assertThat(events).extracting(e -> e.get("EventType").asText()).containsExactly("accepted_publickey");
        }
    }
}
