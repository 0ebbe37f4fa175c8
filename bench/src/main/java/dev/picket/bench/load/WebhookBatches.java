package dev.picket.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.io.synth.BusyClusterAudit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a busy cluster's audit log as the API server's webhook sends it: {@code EventList}
 * batches, one JSON file each ({@code batch-00000.json}, ...), for an HTTP load generator to post.
 * Usage: {@code WebhookBatches DIR BATCHES EVENTS_PER_BATCH}.
 */
public final class WebhookBatches {
    private WebhookBatches() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WebhookBatches DIR BATCHES EVENTS_PER_BATCH");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int batches = Integer.parseInt(args[1]);
        int perBatch = Integer.parseInt(args[2]);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = BusyClusterAudit.generate(batches * perBatch, 2026);
        for (int b = 0; b < batches; b++) {
            ObjectNode list = json.createObjectNode();
            list.put("kind", "EventList");
            list.put("apiVersion", "audit.k8s.io/v1");
            list.putObject("metadata");
            ArrayNode items = list.putArray("items");
            for (String line : lines.subList(b * perBatch, (b + 1) * perBatch)) items.add(json.readTree(line));
            Files.writeString(dir.resolve(String.format("batch-%05d.json", b)), json.writeValueAsString(list));
        }
    }
}
