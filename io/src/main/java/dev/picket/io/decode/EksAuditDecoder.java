package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Amazon EKS control-plane audit logs as CloudWatch Logs delivers them through a subscription
 * filter: the {@code DATA_MESSAGE} document ({@code messageType}, {@code owner}, {@code logGroup},
 * {@code logStream}, {@code logEvents[]} whose {@code message} is one audit event as JSON text).
 * Accepted as it reaches a Lambda function ({@code {"awslogs":{"data":"<base64 of gzip>"}}}), as
 * Firehose writes it to S3 (the decoded documents, one after another), or already decoded.
 *
 * <p>The cluster is the one the log group names: EKS writes to {@code /aws/eks/<cluster>/cluster}.
 * {@code CONTROL_MESSAGE}s (CloudWatch checking the destination) and log streams other than
 * {@code kube-apiserver-audit-*} (the authenticator, scheduler and controller-manager logs share
 * the group) carry no audit events and are skipped.
 */
final class EksAuditDecoder implements ManagedAuditDecoder {
    private static final String GROUP_PREFIX = "/aws/eks/";
    private static final String GROUP_SUFFIX = "/cluster";

    private final Payloads payloads;

    EksAuditDecoder(Payloads payloads) {
        this.payloads = payloads;
    }

    static boolean looksLikeEks(JsonNode node) {
        return Fields.object(node, "awslogs") != null || (node.has("logGroup") && node.get("logEvents") != null);
    }

    @Override
    public void unwrap(JsonRecord record, Sink sink) throws DecodeException {
        ObjectNode message = record.node();
        JsonNode awslogs = Fields.object(message, "awslogs");
        if (awslogs != null) {
            String data = Fields.text(awslogs, "data");
            if (data == null) throw new DecodeException("'awslogs.data' is missing");
            message = payloads.base64Json(data, "'awslogs.data'");
        }
        String type = Fields.text(message, "messageType");
        if ("CONTROL_MESSAGE".equals(type)) {
            sink.skip();
            return;
        }
        if (type != null && !type.equals("DATA_MESSAGE")) throw new DecodeException("unknown messageType " + Fields.quote(type));
        String stream = Fields.text(message, "logStream");
        if (stream != null && !stream.startsWith("kube-apiserver-audit")) {
            sink.skip();
            return;
        }
        JsonNode logEvents = message.get("logEvents");
        if (logEvents == null || !logEvents.isArray()) throw new DecodeException("'logEvents' is missing or not a list");
        String cluster = cluster(Fields.text(message, "logGroup"));
        int index = 0;
        for (JsonNode logEvent : logEvents) {
            String what = "logEvents[" + index++ + "].message";
            String text = Fields.text(logEvent, "message");
            if (text == null) {
                sink.error("'" + what + "' is missing");
                continue;
            }
            try {
                sink.event(payloads.jsonObject(text, "'" + what + "'"), cluster);
            } catch (DecodeException e) {
                sink.error(e.getMessage());
            }
        }
    }

    /** The cluster an EKS log group is named after, or null for a group named otherwise. */
    static String cluster(String logGroup) {
        if (logGroup == null || !logGroup.startsWith(GROUP_PREFIX) || !logGroup.endsWith(GROUP_SUFFIX)) return null;
        String name = logGroup.substring(GROUP_PREFIX.length(), logGroup.length() - GROUP_SUFFIX.length());
        return name.isEmpty() || name.contains("/") ? null : name;
    }
}
