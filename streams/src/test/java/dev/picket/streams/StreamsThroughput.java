package dev.picket.streams;

import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.synth.BusyClusterAudit;
import dev.picket.io.synth.BusyNodeRuntime;
import dev.picket.streams.config.StreamsSettings;
import io.micrometer.core.instrument.Counter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the runner against a broker in this JVM, at 1, 2 and 4 partitions with as many stream
 * threads, beside the in-process engine over the same generated events. Not a test: run it with
 * {@code streams/throughput.sh [EVENTS_PER_KIND]}.
 */
public final class StreamsThroughput {
    private StreamsThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> audit = BusyClusterAudit.generate(perKind, 7);
        List<String> runtime = BusyNodeRuntime.generate(perKind, 7);
        RuleSet rules = StreamsApp.rules(true, List.of());
        int events = audit.size() + runtime.size();

        // The best of three runs: the first one mostly measures the JIT compiler warming up.
        double inProcess = 0;
        int expectedAlerts = 0;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            expectedAlerts = new InProcess(rules).read("audit", InputFormat.AUDIT, audit)
                    .read("runtime", InputFormat.RUNTIME, runtime).alerts().size();
            inProcess = Math.max(inProcess, events / seconds(t0));
        }
        System.out.printf("in-process engine: %d events, %d alerts, %.0f events/s%n", events, expectedAlerts, inProcess);

        try (TestBroker broker = new TestBroker()) {
            for (int n : new int[]{1, 2, 4}) {
                broker.createTopics(n, "audit-" + n, "events-" + n, "alerts-" + n);
                broker.send("audit-" + n, InputFormat.AUDIT, audit);
                broker.send("events-" + n, InputFormat.RUNTIME, runtime);
                Path state = Files.createTempDirectory("picket-throughput");
                StreamsSettings settings = new StreamsSettings(Map.of("bootstrap.servers", broker.bootstrap()),
                        "throughput-" + n, n, state,
                        List.of(new StreamsSettings.Input("audit-" + n, InputFormat.AUDIT),
                                new StreamsSettings.Input("events-" + n, InputFormat.RUNTIME)),
                        "alerts-" + n, null, List.of(), true, 100_000, -1, null);
                try (StreamsApp app = new StreamsApp(settings, rules)) {
                    app.start();
                    while (count(app, "picket.events.decoded") == 0) Thread.sleep(5);
                    long start = System.nanoTime();
                    while (count(app, "picket.events.decoded") < events || count(app, "picket.alerts") < expectedAlerts) {
                        Thread.sleep(5);
                    }
                    double rate = events / seconds(start);
                    System.out.printf("streams, %d partition(s), %d thread(s): %.0f events/s (%.2f of in-process)%n",
                            n, n, rate, rate / inProcess);
                }
            }
        }
    }

    private static double count(StreamsApp app, String name) {
        return app.registry().find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
