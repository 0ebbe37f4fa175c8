package dev.picket.server.ingest;

import dev.picket.engine.event.Event;
import dev.picket.store.AlertStore;
import dev.picket.store.StoreSettings;
import dev.picket.store.Stores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline passes each accepted batch on once; replaying it after a restart does not pass it on again. */
class ForwardingPipelineTest {
    @TempDir
    Path data;

    /** Records what it is given. */
    private static final class Recording implements Forwarder {
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        boolean closed;

        @Override
        public void forward(Source source, List<Event> events) {
            events.forEach(e -> forwarded.add(source.label() + " " + e.root().path("n").asText()));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void acceptedBatchesAreForwardedOnceInOrderAndNotAgainWhenReplayedToWarmUp() throws Exception {
        try (AlertStore store = Stores.sqlite(data, StoreSettings.of(Duration.ofMinutes(30), List.of()))) {
            Recording first = new Recording();
            IngestPipeline pipeline = pipeline(store, first);
            pipeline.start();
            pipeline.offer(Source.RUNTIME, batch(1, 2));
            pipeline.offer(Source.AUDIT, batch(3));
            awaitSize(first.forwarded, 3);
            pipeline.close();
            assertThat(first.forwarded).containsExactly("runtime 1", "runtime 2", "audit 3");
            assertThat(first.closed).isTrue();

            Recording second = new Recording();
            IngestPipeline restarted = pipeline(store, second);
            restarted.start();
            awaitCaughtUp(restarted);
            restarted.offer(Source.RUNTIME, batch(4));
            awaitSize(second.forwarded, 1);
            restarted.close();
            assertThat(second.forwarded).containsExactly("runtime 4");
        }
    }

    private IngestPipeline pipeline(AlertStore store, Forwarder forwarder) throws Exception {
        Journal journal = new Journal(data.resolve("journal"), 1 << 20, Duration.ofHours(1), Clock.systemUTC());
        return new IngestPipeline(journal, new TestDecoder(), event -> List.of(), forwarder, store,
                new IngestMetrics(new SimpleMeterRegistry()), 1 << 20);
    }

    private static byte[] batch(int... numbers) {
        StringBuilder b = new StringBuilder();
        for (int n : numbers) b.append("{\"time\":\"2026-03-10T09:00:0").append(n).append("Z\",\"n\":").append(n).append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitSize(List<String> list, int size) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < size && System.nanoTime() < end) Thread.sleep(10);
    }

    private static void awaitCaughtUp(IngestPipeline pipeline) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!pipeline.caughtUp() && System.nanoTime() < end) Thread.sleep(10);
    }
}
