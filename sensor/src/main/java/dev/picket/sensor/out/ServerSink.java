package dev.picket.sensor.out;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams events to {@code POST /v1/events} of a Picket server. Every batch goes through the
 * {@link Spool} first, so whatever the server has not acknowledged (2xx) survives an outage and a
 * restart; a sender thread posts the oldest batch, deletes it on 2xx, and on a connection failure,
 * 429 or 5xx waits (doubling up to 30 s) and tries the same batch again. A batch the server refuses
 * as malformed (4xx) would be refused forever: it is deleted and counted.
 */
public final class ServerSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BATCH_EVENTS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final URI endpoint;
    private final String token;
    private final Spool spool;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
    private final Thread sender;
    private final long firstBackoffMillis;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private int batched;
    private volatile boolean closing;

    /**
     * @param server             the server's base URL ({@code https://picket:8443})
     * @param token              the bearer token, or null
     * @param firstBackoffMillis the first wait after a failed send
     */
    public ServerSink(URI server, String token, Path spoolDir, long spoolMaxBytes, long firstBackoffMillis) throws IOException {
        this.endpoint = server.resolve("/v1/events");
        this.token = token;
        this.spool = new Spool(spoolDir, spoolMaxBytes);
        this.firstBackoffMillis = firstBackoffMillis;
        this.sender = Thread.ofPlatform().daemon().name("picket-sensor-sender").start(this::sendLoop);
    }

    @Override
    public void accept(ObjectNode event) throws IOException {
        batch.write(JSON.writeValueAsBytes(event));
        batch.write('\n');
        if (++batched >= MAX_BATCH_EVENTS) flush();
    }

    @Override
    public void flush() throws IOException {
        if (batched == 0) return;
        dropped.addAndGet(spool.add(batch.toByteArray()));
        batch.reset();
        batched = 0;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Events the server acknowledged. */
    public long sent() {
        return sent.get();
    }

    /** Events deleted from a full spool. */
    public long dropped() {
        return dropped.get();
    }

    /** Batches the server refused as malformed. */
    public long rejected() {
        return rejected.get();
    }

    private void sendLoop() {
        long backoff = firstBackoffMillis;
        while (true) {
            try {
                Path next = spool.oldest();
                if (next == null) {
                    if (closing) return;
                    synchronized (this) {
                        wait(500);
                    }
                    continue;
                }
                int status = post(next);
                if (status / 100 == 2 || (status / 100 == 4 && status != 429 && status != 408)) {
                    long events = Spool.events(next);
                    if (status / 100 == 2) {
                        sent.addAndGet(events);
                    } else {
                        rejected.incrementAndGet();
                        LOG.error("the server refused a batch of {} events with {}; it is dropped", events, status);
                    }
                    spool.remove(next);
                    backoff = firstBackoffMillis;
                    continue;
                }
                LOG.warn("the server answered {}; retrying in {} ms", status, backoff);
            } catch (IOException e) {
                LOG.warn("cannot reach the server at {}: {}; retrying in {} ms", endpoint, e.getMessage(), backoff);
            } catch (InterruptedException e) {
                return;
            }
            if (closing) return; // what is left stays spooled for the next start
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private int post(Path batchFile) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(batchFile));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Spools what is batched and gives the sender up to {@code waitMillis} to deliver the rest. */
    public void close(long waitMillis) throws IOException {
        flush();
        closing = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            sender.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }

    @Override
    public void close() throws IOException {
        close(5_000);
    }
}
