package dev.picket.server.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.store.AlertStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/admit}: answers the API server from the in-memory rule set only. Alerts for what it
 * denied, warned about or audited go to the store from a background thread through a bounded queue,
 * so a slow store never holds up an admission; when the queue is full they are dropped and counted.
 */
public final class AdmissionWebhook implements Handler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The API server sends objects of at most about 3 MiB; anything larger is not a review. */
    private static final int MAX_BODY = 4 << 20;

    private final AdmissionReviewer reviewer;
    private final AlertStore store;
    private final BlockingQueue<AdmissionReviewer.Verdict> pending = new ArrayBlockingQueue<>(1024);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    public AdmissionWebhook(AdmissionReviewer reviewer, AlertStore store) {
        this.reviewer = reviewer;
        this.store = store;
        this.writer = Thread.ofPlatform().daemon().name("picket-admission-alerts").start(this::write);
    }

    @Override
    public void handle(Context ctx) throws IOException {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            ctx.status(413).json(error("an AdmissionReview is at most " + MAX_BODY + " bytes"));
            return;
        }
        JsonNode review;
        AdmissionReviewer.Verdict verdict;
        try {
            review = JSON.readTree(body);
            if (review == null) throw new IllegalArgumentException("empty body");
            verdict = reviewer.review(review);
        } catch (IOException | IllegalArgumentException e) {
            ctx.status(400).json(error("not an admission.k8s.io/v1 AdmissionReview: " + e.getMessage()));
            return;
        }
        if (!verdict.recorded().isEmpty() && !pending.offer(verdict)) {
            LOG.warn("admission alerts dropped: the store is behind ({} dropped so far)", dropped.addAndGet(verdict.recorded().size()));
        }
        ctx.json(verdict.response());
    }

    private void write() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                AdmissionReviewer.Verdict verdict = pending.poll(1, TimeUnit.SECONDS);
                if (verdict == null) continue;
                try {
                    store.add(verdict.alerts());
                } catch (RuntimeException e) {
                    LOG.error("admission alerts not stored: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    /** Stores what is still queued, then stops the writer. */
    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AdmissionReviewer.Verdict> rest = new ArrayList<>();
        pending.drainTo(rest);
        List<ObjectNode> alerts = new ArrayList<>();
        rest.forEach(v -> alerts.addAll(v.alerts()));
        if (!alerts.isEmpty()) store.add(alerts);
    }
}
