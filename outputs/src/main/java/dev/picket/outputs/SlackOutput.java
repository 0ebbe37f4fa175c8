package dev.picket.outputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.Entity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Posts each alert to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat) as a
 * message a person reads at a glance: severity and title, the workload and where it runs, the
 * ATT&CK techniques and tactics, the rule, and a link to the alert in Picket's web UI. Only
 * {@code text} with the common mrkdwn subset is used, which every such receiver renders.
 */
final class SlackOutput implements AlertOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPost http;
    private final URI ui;

    /** @param ui the web UI's address (the alert link's base); null leaves the link out */
    SlackOutput(URI url, URI ui) {
        this.http = new HttpPost(url);
        this.ui = ui;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        ObjectNode message = JSON.createObjectNode().put("text", text(alert, ui));
        http.post(JSON.writeValueAsString(message), Map.of());
    }

    static String text(Alert a, URI ui) {
        StringBuilder t = new StringBuilder();
        t.append("*[").append(a.severity().word().toUpperCase(Locale.ROOT)).append("] ").append(escape(a.ruleTitle())).append("*\n");
        t.append("*Workload:* ").append(escape(workload(a.entity()))).append('\n');
        if (!a.attack().techniques().isEmpty()) {
            t.append("*ATT&amp;CK:* ").append(String.join(", ", a.attack().techniques()));
            if (!a.attack().tactics().isEmpty()) t.append(" (").append(String.join(", ", a.attack().tactics())).append(')');
            t.append('\n');
        }
        if (a.entity().user() != null) t.append("*User:* ").append(escape(a.entity().user())).append('\n');
        t.append("*Rule:* ").append(escape(a.ruleId())).append(" · ").append(a.time());
        if (ui != null) {
            String base = ui.toString().endsWith("/") ? ui.toString() : ui + "/";
            t.append("\n<").append(base).append("#/alerts/").append(URLEncoder.encode(a.id(), StandardCharsets.UTF_8))
                    .append("|Open the alert in Picket>");
        }
        return t.toString();
    }

    /** {@code Deployment shop/web in pod web-7d9c-x2lqp, cluster prod-eu}, as far as the alert knows. */
    static String workload(Entity e) {
        StringBuilder w = new StringBuilder();
        String ns = e.namespace() == null ? "" : e.namespace() + "/";
        if (e.workload() != null) w.append(e.workload().kind()).append(' ').append(ns).append(e.workload().name());
        else if (e.pod() != null) w.append("Pod ").append(ns).append(e.pod());
        else if (e.namespace() != null) w.append("namespace ").append(e.namespace());
        else if (e.node() != null) w.append("node ").append(e.node());
        else w.append("cluster-wide");
        if (e.container() != null) w.append(", container ").append(e.container());
        if (e.cluster() != null) w.append(", cluster ").append(e.cluster());
        return w.toString();
    }

    /** Slack's three control characters; anything an attacker named (a pod, a user) must not become a link or mention. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        http.close();
    }
}
