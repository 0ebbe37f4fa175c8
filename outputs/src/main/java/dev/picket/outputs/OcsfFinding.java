package dev.picket.outputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.Entity;
import dev.picket.engine.rule.Severity;

/**
 * An alert as an OCSF 1.x Detection Finding (category 2 Findings, class 2004), activity Create.
 *
 * <p>The schema's required attributes, all set: {@code activity_id}, {@code category_uid},
 * {@code class_uid}, {@code type_uid} (class × 100 + activity), {@code severity_id}, {@code time}
 * (epoch milliseconds), {@code metadata} with {@code product} and {@code version} (the OCSF
 * version), and {@code finding_info} with {@code uid} and {@code title}. Beside them: the captions
 * ({@code activity_name}, {@code class_name}, {@code category_name}, {@code severity}), {@code message},
 * {@code status_id} New, {@code finding_info.analytic} (the rule), {@code finding_info.attacks}
 * (ATT&CK techniques and tactics), {@code resources} (the workload, the pod and the cluster),
 * {@code actor.user}, {@code src_endpoint.ip}, {@code remediation}, and the whole Picket alert under
 * {@code unmapped}.
 */
final class OcsfFinding {
    static final String OCSF_VERSION = "1.3.0";
    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OcsfFinding() {
    }

    static ObjectNode tree(Alert a) {
        ObjectNode f = JSON.createObjectNode();
        f.put("activity_id", ACTIVITY_CREATE).put("activity_name", "Create");
        f.put("category_uid", CATEGORY_UID).put("category_name", "Findings");
        f.put("class_uid", CLASS_UID).put("class_name", "Detection Finding");
        f.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE).put("type_name", "Detection Finding: Create");
        f.put("severity_id", severityId(a.severity())).put("severity", caption(a.severity()));
        f.put("time", a.time().toEpochMilli());
        f.put("status_id", 1).put("status", "New");
        f.put("message", a.ruleTitle());
        ObjectNode metadata = f.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        metadata.putObject("product").put("name", "Picket").put("vendor_name", "Picket");
        metadata.put("uid", a.id());

        ObjectNode info = f.putObject("finding_info");
        info.put("uid", a.id()).put("title", a.ruleTitle());
        if (a.description() != null) info.put("desc", a.description().strip());
        info.putObject("analytic").put("uid", a.ruleId()).put("name", a.ruleTitle()).put("type_id", 1).put("type", "Rule");
        ArrayNode attacks = info.putArray("attacks");
        for (String technique : a.attack().techniques()) {
            ObjectNode attack = attacks.addObject();
            attack.putObject("technique").put("uid", technique);
            ArrayNode tactics = attack.putArray("tactics");
            a.attack().tactics().forEach(t -> tactics.addObject().put("name", t));
            attack.put("version", "ATT&CK");
        }

        Entity e = a.entity();
        ArrayNode resources = f.putArray("resources");
        if (e.workload() != null) {
            resources.addObject().put("type", e.workload().kind()).put("name", e.workload().name())
                    .put("namespace", e.namespace());
        }
        if (e.pod() != null) resources.addObject().put("type", "Pod").put("name", e.pod()).put("namespace", e.namespace());
        if (e.cluster() != null) resources.addObject().put("type", "Cluster").put("name", e.cluster());
        if (e.user() != null) f.putObject("actor").putObject("user").put("name", e.user());
        if (e.sourceIp() != null) f.putObject("src_endpoint").put("ip", e.sourceIp());
        if (a.remediation() != null) f.putObject("remediation").put("desc", a.remediation().strip());
        f.set("unmapped", dev.picket.engine.alert.AlertJson.tree(a));
        return f;
    }

    static String line(Alert a) {
        try {
            return JSON.writeValueAsString(tree(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a finding tree always serialises", e);
        }
    }

    /** OCSF severity ids: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
    static int severityId(Severity s) {
        return s.ordinal() + 1;
    }

    private static String caption(Severity s) {
        String word = s.word();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
