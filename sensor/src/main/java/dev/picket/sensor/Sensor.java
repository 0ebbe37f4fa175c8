package dev.picket.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.sensor.audit.AuditRecord;
import dev.picket.sensor.audit.AuditSource;
import dev.picket.sensor.audit.EventAssembler;
import dev.picket.sensor.audit.SyscallEvent;
import dev.picket.sensor.out.EventSink;
import dev.picket.sensor.proc.ContainerStart;
import dev.picket.sensor.proc.PodResolver;
import dev.picket.sensor.proc.ProcessTable;
import dev.picket.sensor.proc.Sockets;
import dev.picket.sensor.proc.Users;
import dev.picket.sensor.proc.Workloads;
import dev.picket.sensor.sshd.SshdLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The node sensor: reads the kernel's audit records, joins them into syscall events, places each
 * in its container, and writes runtime events to the sink; alongside, the node's sshd log. One
 * thread does all of it (the sshd reader only queues), so the process table needs no locks.
 * {@link #run} returns after {@link #stop}, with the kernel's audit state restored.
 */
public final class Sensor {
    private static final Logger LOG = LoggerFactory.getLogger(Sensor.class);
    private static final int PROCESS_TABLE_CAPACITY = 32_768;
    private static final int MAX_OPEN_EVENTS = 4096;
    private static final long EVENT_WAIT_MILLIS = 2_000;
    private static final long FLUSH_MILLIS = 200;
    private static final long METRICS_MILLIS = 60_000;
    private static final long WATCH_CHECK_MILLIS = 5_000;

    /**
     * @param node       the node name events carry
     * @param hostRoot   where the host's root file system is visible to the sensor
     * @param pods       finds the pod of a container
     * @param followSshd whether to follow the node's sshd log
     */
    public record Settings(String node, Path hostRoot, PodResolver pods, boolean followSshd) {
        /**
         * For the machine the sensor runs on: the node name from {@code NODE_NAME} (a DaemonSet
         * sets it from the pod's spec) or the kernel's host name; the host's root directly, or
         * through pid 1 when the sensor runs in a mount namespace of its own (a pod with hostPID).
         */
        public static Settings onThisNode(PodResolver pods) throws IOException {
            String node = System.getenv("NODE_NAME");
            if (node == null || node.isBlank()) node = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt"));
            Path init;
            try {
                init = Files.readSymbolicLink(Path.of("/proc/1/ns/mnt"));
            } catch (IOException e) {
                init = own; // pid 1 is not ours to inspect: take our own root
            }
            return new Settings(node, own.equals(init) ? Path.of("/") : Path.of("/proc/1/root"), pods, true);
        }
    }

    private final Settings settings;
    private final EventSink sink;
    private final SensorMetrics metrics;
    private final Queue<ObjectNode> sshdEvents = new ConcurrentLinkedQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile IOException startFailure;
    private Workloads workloads;
    private ContainerWatches watches;

    public Sensor(Settings settings, EventSink sink, SensorMetrics metrics) {
        this.settings = settings;
        this.sink = sink;
        this.metrics = metrics;
    }

    /**
     * Runs until {@link #stop}. The audit socket is opened first; when that fails, nothing of the
     * kernel's state has changed and the failure is thrown.
     */
    public void run() throws IOException {
        long self = ProcessHandle.current().pid();
        AuditSource source;
        try {
            source = AuditSource.open(SensorRules.all(self, settings.hostRoot()));
        } catch (IOException e) {
            startFailure = e;
            started.countDown();
            throw e;
        }
        Path proc = Path.of("/proc");
        workloads = new Workloads(proc, settings.pods());
        ProcessTable processes = new ProcessTable(proc, workloads, PROCESS_TABLE_CAPACITY);
        RuntimeEvents events = new RuntimeEvents(settings.node(), processes, new Users(Path.of("/etc/passwd")), settings.hostRoot(), new Sockets(proc));
        SshdLog sshd = settings.followSshd() ? SshdLog.onNode(sshdEvents::add) : null;
        Set<Long> own = sshd == null ? Set.of(self) : Set.of(self, sshd.helperPid());
        watches = new ContainerWatches(proc, settings.hostRoot(), self, source);
        EventAssembler assembler = new EventAssembler(records -> emit(events, records, own), EVENT_WAIT_MILLIS, MAX_OPEN_EVENTS);
        started.countDown();
        try (source) {
            long lastFlush = System.currentTimeMillis();
            long lastMetrics = lastFlush;
            long lastWatchCheck = lastFlush;
            while (running) {
                int read = source.poll(record -> {
                    metrics.records.incrementAndGet();
                    assembler.add(record, System.currentTimeMillis());
                });
                long now = System.currentTimeMillis();
                assembler.expire(now);
                for (ObjectNode e; (e = sshdEvents.poll()) != null; ) {
                    sink.accept(e);
                    metrics.sshdEvents.incrementAndGet();
                }
                if (read == 0 || now - lastFlush >= FLUSH_MILLIS) {
                    sink.flush();
                    lastFlush = now;
                }
                if (now - lastWatchCheck >= WATCH_CHECK_MILLIS) {
                    watches.removeEnded();
                    lastWatchCheck = now;
                }
                if (now - lastMetrics >= METRICS_MILLIS) {
                    update(source, assembler);
                    LOG.info(metrics.line());
                    lastMetrics = now;
                }
            }
            assembler.expire(Long.MAX_VALUE);
            sink.flush();
            update(source, assembler);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (sshd != null) sshd.close();
            LOG.info(metrics.line());
        }
    }

    /** Waits until the sensor reads events (its rules are in place), or throws why it could not start. */
    public void awaitStarted() throws IOException, InterruptedException {
        started.await();
        if (startFailure != null) throw startFailure;
    }

    /** Asks {@link #run} to finish; it returns within the poll interval. */
    public void stop() {
        running = false;
    }

    /**
     * @param own the sensor and its helper. The kernel rules leave the sensor out, but a syscall
     *            that changes audit rules is logged whole whatever the rules say, and the helper
     *            is a separate process.
     */
    private void emit(RuntimeEvents events, List<AuditRecord> records, Set<Long> own) {
        SyscallEvent syscall = SyscallEvent.of(records);
        if (syscall == null || own.contains(syscall.pid())) return;
        ObjectNode event = events.of(syscall);
        // Placing the event's process may have met a new container: its start goes first.
        for (ContainerStart start : workloads.takeStarted()) write(events.containerStart(start, Instant.ofEpochMilli(syscall.epochMillis())));
        if (event == null) return;
        write(event);
        JsonNode container = event.path("container").path("id");
        if (container.isTextual()) watches.seen(container.asText(), syscall.pid());
    }

    private void write(ObjectNode event) {
        try {
            sink.accept(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics.events.incrementAndGet();
    }

    private void update(AuditSource source, EventAssembler assembler) throws IOException {
        metrics.socketOverruns.set(source.overruns());
        metrics.kernelLost.set(source.kernelLost());
        metrics.incompleteEvents.set(assembler.evicted());
    }
}
