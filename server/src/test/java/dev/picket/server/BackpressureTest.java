package dev.picket.server;

import dev.picket.server.TestServers.Client;
import dev.picket.server.ingest.CountingDetector;
import dev.picket.server.ingest.Detector;
import dev.picket.server.ingest.TestDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A saturated server answers 429 with Retry-After, loses nothing, and takes the batch when asked again. */
class BackpressureTest {
    @TempDir
    Path data;

    @Test
    void whenTheQueueIsFullBatchesAreRefusedWith429UntilThereIsRoom() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountingDetector counting = new CountingDetector();
        Detector slow = event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counting.detect(event);
        };
        // 8 KiB of queue, each batch rounds up to 1 KiB: eight batches fit, the ninth does not.
        try (PicketServer server = new PicketServer(TestServers.config(data, 1024, 8 * 1024), new TestDecoder(), slow,
                TestServers.MATRIX, TestServers.RULES).start()) {
            Client client = Client.local(server.port());
            for (int i = 0; i < 8; i++) {
                assertThat(client.post("/v1/events", event(i)).statusCode()).as("batch " + i).isEqualTo(200);
            }
            HttpResponse<String> refused = client.post("/v1/events", event(8));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(client.get("/metrics").body()).contains("picket_batches_rejected_total{source=\"runtime\"} 1.0")
                    .contains("picket_ingest_queue_batches 7.0");

            release.countDown();
            await("room in the queue", () -> post(client, event(8)) == 200);
            await("nine alerts", () -> client.json("/v1/alerts").path("alerts").size() == 9);
        }
    }

    private static int post(Client client, String body) {
        try {
            return client.post("/v1/events", body).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String event(int i) {
        return "{\"time\":\"2026-11-02T10:00:00Z\",\"id\":\"e" + i + "\",\"single\":1}\n";
    }
}
