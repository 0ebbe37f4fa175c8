package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Alert IDs that depend only on the rule and the evidence, so the same match found twice (a file read
 * again, a batch redelivered) yields the same ID and a store can drop the copy. An audit event is
 * identified by its {@code auditID} and {@code stage}; any other record by its time and content.
 */
final class AlertIds {
    private AlertIds() {
    }

    static String of(String ruleId, List<Event> evidence) {
        MessageDigest sha = sha256();
        update(sha, ruleId);
        for (Event e : evidence) update(sha, identity(e));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static String identity(Event e) {
        JsonNode auditId = e.root().get("auditID");
        if (auditId != null && auditId.isTextual()) return "audit " + auditId.asText() + " " + e.root().path("stage").asText();
        return e.time() + " " + e.root();
    }

    private static void update(MessageDigest sha, String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
