package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * From accepted batch to stored alerts. A batch is journaled (forced to disk) and queued; one
 * worker decodes it, runs the detector over its events in order, stores the alerts and moves the
 * journal's checkpoint. The queue is bounded by the bytes it holds: when a batch does not fit,
 * {@link #offer} refuses it, and the sender retries later; nothing accepted is dropped.
 *
 * <p>On start the worker first replays the journal kept so far (see {@link Journal}), so the
 * detector's correlation windows are as they were before a crash and batches acknowledged but not
 * yet processed are processed.
 */
public final class IngestPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** Batches remembered to recognise a resent one: far more than a sender retries within. */
    private static final int RECENT_BATCHES = 100_000;

    private final Journal journal;
    private final BatchDecoder decoder;
    private final Detector detector;
    private final Forwarder forwarder;
    private final AlertStore store;
    private final IngestMetrics metrics;
    private final int capacityKib;
    private final Semaphore room;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final RecentBatches recent = new RecentBatches(RECENT_BATCHES);
    private final Thread worker;
    private final long replayUntil;
    private volatile boolean caughtUp;
    private volatile boolean closing;
    private volatile boolean failed;

    private record Queued(JournalRecord record, int kib, long acceptedNanos) {
    }

    /** @param capacityBytes the most batch bytes waiting to be processed; a larger batch never fits */
    public IngestPipeline(Journal journal, BatchDecoder decoder, Detector detector, AlertStore store,
                          IngestMetrics metrics, long capacityBytes) throws IOException {
        this(journal, decoder, detector, Forwarder.NONE, store, metrics, capacityBytes);
    }

    /** @param forwarder gets each batch's events once, after the detector; the pipeline closes it */
    public IngestPipeline(Journal journal, BatchDecoder decoder, Detector detector, Forwarder forwarder, AlertStore store,
                          IngestMetrics metrics, long capacityBytes) throws IOException {
        this.forwarder = forwarder;
        this.journal = journal;
        this.decoder = decoder;
        this.detector = detector;
        this.store = store;
        this.metrics = metrics;
        this.capacityKib = kib(capacityBytes);
        this.room = new Semaphore(capacityKib);
        this.replayUntil = journal.end();
        try {
            journal.read(replayUntil, r -> recent.add(RecentBatches.digest(r.source(), r.body())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the journal", e);
        }
        metrics.queue(queue);
        worker = Thread.ofPlatform().name("picket-ingest").unstarted(this::run);
    }

    public void start() {
        worker.start();
    }

    /** Whether the replay at start is done. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Batches waiting for the worker. */
    public int depth() {
        return queue.size();
    }

    /**
     * Journals and queues a batch. Returns false, having written nothing, when the queue has no room.
     * A batch identical to one accepted lately is a sender's retry: it is acknowledged again and not
     * processed twice.
     *
     * @throws IOException when the journal cannot be written; the batch is not accepted
     */
    public boolean offer(Source source, byte[] body) throws IOException {
        int kib = Math.min(kib(body.length), capacityKib);
        if (closing || !room.tryAcquire(kib)) {
            metrics.rejected(source);
            return false;
        }
        long accepted = System.nanoTime();
        try {
            ByteBuffer digest = RecentBatches.digest(source, body);
            synchronized (recent) {
                if (recent.contains(digest)) {
                    room.release(kib);
                    return true;
                }
                journal.append(source, body, end -> queue.add(new Queued(new JournalRecord(end, source, body), kib, accepted)));
                recent.add(digest);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            room.release(kib);
            throw e;
        }
    }

    private void run() {
        try {
            long checkpoint = journal.checkpoint();
            journal.read(replayUntil, r -> process(r, r.end() <= checkpoint));
            if (replayUntil > checkpoint) journal.processed(replayUntil);
            caughtUp = true;
            while (!closing) {
                Queued q = queue.take();
                process(q.record(), false);
                journal.processed(q.record().end());
                room.release(q.kib());
                metrics.processed(Duration.ofNanos(System.nanoTime() - q.acceptedNanos()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The journal cannot be read or checkpointed: stop rather than process out of order.
            failed = true;
            LOG.error("ingest stopped: the journal failed: {}", e.getMessage());
        }
    }

    /** @param seen the record was processed before a restart; its events warm the detector up again */
    private void process(JournalRecord record, boolean seen) throws InterruptedException {
        DecodedBatch batch = decoder.decode(record.source(), record.body());
        List<ObjectNode> alerts = new ArrayList<>();
        for (Event event : batch.events()) alerts.addAll(detector.detect(event));
        if (!seen) forwarder.forward(record.source(), batch.events());
        if (!seen) metrics.eventsProcessed(record.source(), batch.events().size());
        save(alerts, seen);
    }

    /** Stores the alerts, retrying until the store takes them: an unsaved alert must not be skipped. */
    private void save(List<ObjectNode> alerts, boolean seen) throws InterruptedException {
        if (alerts.isEmpty()) return;
        while (true) {
            try {
                store.add(alerts);
                if (!seen) alerts.forEach(a -> metrics.alert(a.path("rule").path("id").asText()));
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot store {} alerts, retrying in {}s: {}", alerts.size(), RETRY.toSeconds(), e.getMessage());
                Thread.sleep(RETRY);
            }
        }
    }

    private static int kib(long bytes) {
        return (int) Math.max(1, (bytes + 1023) / 1024);
    }

    /** Whether the worker stopped because the journal failed; the server is then unhealthy. */
    public boolean failed() {
        return failed;
    }

    /**
     * Stops taking batches and stops the worker after the batch at hand. Batches still queued stay
     * in the journal and are processed on the next start.
     */
    @Override
    public void close() {
        closing = true;
        worker.interrupt();
        try {
            if (worker.isAlive()) worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forwarder.close();
        try {
            journal.close();
        } catch (UncheckedIOException e) {
            LOG.warn("closing the journal: {}", e.getMessage());
        }
    }
}
