package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Azure AKS control-plane audit logs as a diagnostic setting exports them: categories
 * {@code kube-audit} (every audit event) and {@code kube-audit-admin} (without get and list). Event
 * Hubs messages wrap records in {@code {"records":[...]}}; a storage account's blobs hold one record
 * per line. Each record carries the audit event as JSON text in {@code properties.log}.
 *
 * <p>The cluster is the last segment of the record's {@code resourceId}
 * ({@code /SUBSCRIPTIONS/…/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/<name>}). Azure writes
 * resource ids upper-cased in diagnostic logs while cluster names are case-insensitive, so the name
 * is lower-cased to meet the one users type. Records of other categories (kube-apiserver,
 * guard, …) are skipped. {@code properties.pod} names the API server instance that wrote the event,
 * not anything the request acted on, and is not carried over.
 */
final class AksAuditDecoder implements ManagedAuditDecoder {
    private static final String CLUSTERS = "/MANAGEDCLUSTERS/";

    private final Payloads payloads;

    AksAuditDecoder(Payloads payloads) {
        this.payloads = payloads;
    }

    static boolean looksLikeAks(JsonNode node) {
        JsonNode records = node.get("records");
        if (records != null && records.isArray()) return records.isEmpty() || isRecord(records.get(0));
        return isRecord(node);
    }

    private static boolean isRecord(JsonNode node) {
        String category = Fields.text(node, "category");
        return category != null && category.startsWith("kube-") && Fields.object(node, "properties") != null;
    }

    @Override
    public void unwrap(JsonRecord record, Sink sink) throws DecodeException {
        JsonNode records = record.node().get("records");
        if (records == null) {
            unwrapOne(record.node(), "", sink);
            return;
        }
        if (!records.isArray()) throw new DecodeException("'records' is not a list");
        int index = 0;
        for (JsonNode one : records) {
            String where = "records[" + index++ + "].";
            try {
                unwrapOne(one, where, sink);
            } catch (DecodeException e) {
                sink.error(e.getMessage());
            }
        }
    }

    private void unwrapOne(JsonNode one, String where, Sink sink) throws DecodeException {
        String category = Fields.text(one, "category");
        if (category == null) throw new DecodeException("'" + where + "category' is missing");
        if (!category.equals("kube-audit") && !category.equals("kube-audit-admin")) {
            sink.skip();
            return;
        }
        JsonNode log = one.path("properties").get("log");
        ObjectNode audit;
        if (log instanceof ObjectNode object) {
            audit = object;
        } else if (log != null && log.isTextual()) {
            audit = payloads.jsonObject(log.textValue(), "'" + where + "properties.log'");
        } else {
            throw new DecodeException("'" + where + "properties.log' is missing");
        }
        sink.event(audit, cluster(Fields.text(one, "resourceId")));
    }

    /** The managed cluster a resource id names, lower-cased, or null. */
    static String cluster(String resourceId) {
        if (resourceId == null) return null;
        int at = resourceId.toUpperCase(Locale.ROOT).lastIndexOf(CLUSTERS);
        if (at < 0) return null;
        String name = resourceId.substring(at + CLUSTERS.length());
        return name.isEmpty() || name.contains("/") ? null : name.toLowerCase(Locale.ROOT);
    }
}
