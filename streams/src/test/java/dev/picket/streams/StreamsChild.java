package dev.picket.streams;

import dev.picket.io.decode.InputFormat;
import dev.picket.streams.config.StreamsSettings;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One runner instance in a JVM of its own, for the fault test: {@code BOOTSTRAP APP_ID STATE_DIR RULES_DIR}.
 * Prints {@value #RUNNING} each time it reaches the running state.
 */
public final class StreamsChild {
    static final String RUNNING = "picket-child: RUNNING";

    private StreamsChild() {
    }

    public static void main(String[] args) throws Exception {
        StreamsSettings settings = new StreamsSettings(Map.of(
                "bootstrap.servers", args[0],
                "commit.interval.ms", "100",
                // A killed instance is noticed, and its open transaction aborted, within seconds.
                "consumer.session.timeout.ms", "6000",
                "consumer.heartbeat.interval.ms", "500",
                "producer.transaction.timeout.ms", "5000"),
                args[1], 1, Path.of(args[2]), List.of(new StreamsSettings.Input("picket.events", InputFormat.RUNTIME)),
                "picket.alerts", null, List.of(Path.of(args[3])), false, 100_000, -1, null);
        StreamsApp app = new StreamsApp(settings, StreamsApp.rules(settings));
        app.start();
        KafkaStreams.State last = null;
        while (true) {
            KafkaStreams.State now = app.state();
            if (now != last && now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
                System.out.flush();
            }
            last = now;
            Thread.sleep(100);
        }
    }
}
