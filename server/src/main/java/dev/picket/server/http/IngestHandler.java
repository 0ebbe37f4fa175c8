package dev.picket.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.server.ingest.BatchDecoder;
import dev.picket.server.ingest.DecodedBatch;
import dev.picket.server.ingest.IngestMetrics;
import dev.picket.server.ingest.IngestPipeline;
import dev.picket.server.ingest.Source;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /v1/audit} and {@code POST /v1/events}. A batch is taken whole or not at all: a batch
 * with any bad record is refused (400, every bad record's line and reason) so the sender can fix and
 * resend it; an oversized one is refused (413) without being read to its end; when the pipeline is
 * full the answer is 429 with {@code Retry-After}. 200 means the batch is on disk. Bodies are never
 * logged: they carry whatever the cluster sends, secrets included.
 */
final class IngestHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
    private static final int MAX_ERRORS_SHOWN = 50;
    static final String RETRY_AFTER_SECONDS = "1";

    private final Source source;
    private final long maxBytes;
    private final BatchDecoder decoder;
    private final IngestPipeline pipeline;
    private final IngestMetrics metrics;

    IngestHandler(Source source, long maxBytes, BatchDecoder decoder, IngestPipeline pipeline, IngestMetrics metrics) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.decoder = decoder;
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        byte[] body = declared > maxBytes ? null : readAtMost(ctx.req().getInputStream(), maxBytes);
        if (body == null) {
            ctx.status(413).json(error("the batch is larger than the limit of " + maxBytes + " bytes; send smaller batches"));
            return;
        }
        DecodedBatch batch = decoder.decode(source, body);
        if (!batch.errors().isEmpty()) {
            metrics.decodeErrors(source, batch.errors().size());
            ObjectNode answer = error("the batch was refused: " + batch.errors().size() + " record(s) could not be decoded");
            batch.errors().stream().limit(MAX_ERRORS_SHOWN).forEach(answer.putArray("errors")::add);
            ctx.status(400).json(answer);
            return;
        }
        if (batch.events().isEmpty()) {
            ctx.json(accepted(0));
            return;
        }
        boolean taken;
        try {
            taken = pipeline.offer(source, body);
        } catch (IOException e) {
            LOG.error("cannot journal a {} batch: {}", source.label(), e.getMessage());
            ctx.status(503).header("Retry-After", RETRY_AFTER_SECONDS).json(error("the batch could not be written to disk"));
            return;
        }
        if (!taken) {
            ctx.status(429).header("Retry-After", RETRY_AFTER_SECONDS).json(error("busy: retry later"));
            return;
        }
        ctx.json(accepted(batch.events().size()));
    }

    /** The body, or null when it is longer than {@code max} (reading stops there). */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static ObjectNode accepted(int events) {
        return JsonNodeFactory.instance.objectNode().put("accepted", events);
    }

    static ObjectNode error(String message) {
        return ApiError.of(message);
    }
}
