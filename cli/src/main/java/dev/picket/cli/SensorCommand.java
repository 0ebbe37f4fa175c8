package dev.picket.cli;

import dev.picket.sensor.Sensor;
import dev.picket.sensor.SensorMetrics;
import dev.picket.sensor.out.EventSink;
import dev.picket.sensor.out.JsonLinesSink;
import dev.picket.sensor.out.ServerSink;
import dev.picket.sensor.proc.PodResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "sensor", mixinStandardHelpOptions = true,
        description = {"The node sensor: processes, sensitive files and connections (Linux audit over netlink),",
                "placed in their containers, plus the node's sshd log, as runtime events.",
                "Needs root (CAP_AUDIT_CONTROL, CAP_AUDIT_READ); restores the kernel's audit state on exit."})
final class SensorCommand implements Callable<Integer> {
    private static final long SPOOL_MAX_BYTES = 512L * 1024 * 1024;
    private static final long FIRST_RETRY_MILLIS = 1_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "Stream events to this Picket server (POST /v1/events).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Bearer token for the server (default: $PICKET_TOKEN).")
    Path tokenFile;

    @Option(names = "--output", paramLabel = "FILE|-", description = "Write events as JSON lines to FILE, or stdout for '-' (the default without --server).")
    String output;

    @Option(names = "--spool", paramLabel = "DIR", defaultValue = "/var/lib/picket/sensor-spool",
            description = "Where batches wait while the server is unreachable (default: ${DEFAULT-VALUE}; at most 512 MiB).")
    Path spool;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (server != null && output != null) {
            err.println("picket sensor: --server and --output exclude each other");
            return ExitCode.USAGE;
        }
        SensorMetrics metrics = new SensorMetrics();
        EventSink sink;
        try {
            sink = sink(metrics);
        } catch (IOException e) {
            err.println("picket sensor: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Sensor sensor = new Sensor(Sensor.Settings.onThisNode(PodResolver.NONE), sink, metrics);
        CountDownLatch finished = new CountDownLatch(1);
        // SIGTERM / SIGINT: stop reading and wait until the rules are removed and the output flushed.
        Thread hook = new Thread(() -> {
            sensor.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (sink) {
            sensor.run();
        } catch (IOException e) {
            err.println("picket sensor: cannot run: " + e.getMessage());
            return ExitCode.FAILED;
        } finally {
            finished.countDown();
        }
        return ExitCode.OK;
    }

    private EventSink sink(SensorMetrics metrics) throws IOException {
        if (server == null) {
            if (output == null || output.equals("-")) return new JsonLinesSink(new FileOutputStream(FileDescriptor.out), false);
            return new JsonLinesSink(Files.newOutputStream(Path.of(output)), true);
        }
        String token = System.getenv("PICKET_TOKEN");
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile).trim();
            } catch (IOException e) {
                throw new IOException("cannot read the token file " + tokenFile + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        ServerSink sink = new ServerSink(server, token, spool, SPOOL_MAX_BYTES, FIRST_RETRY_MILLIS);
        metrics.attach(sink);
        return sink;
    }
}
