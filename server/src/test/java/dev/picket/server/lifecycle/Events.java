package dev.picket.server.lifecycle;

import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.TestServers;

/** A rule and runtime events shaped to trip it, for the operations tests. */
public final class Events {
    /** One rule: a process whose command line mentions {@code evil}. */
    public static final String RULE = """
            title: Evil process
            name: TEST-EVIL
            level: high
            tags: [attack.execution, attack.t1609]
            logsource: {product: linux, category: process_creation}
            detection:
              evil:
                CommandLine|contains: evil
              condition: evil
            """;

    private Events() {
    }

    public static RuleSet rules() {
        return TestServers.rules(RULE);
    }

    /** A process_creation event at {@code 10:MM:SS} in pod {@code pod} of namespace {@code namespace}. */
    public static String process(int minute, int second, String namespace, String pod, String commandLine) {
        return String.format("{\"time\":\"2026-11-02T10:%02d:%02dZ\",\"category\":\"process_creation\",\"node\":\"node-1\","
                + "\"k8s\":{\"namespace\":\"%s\",\"pod\":\"%s\"},\"Image\":\"/bin/sh\",\"CommandLine\":\"%s\"}%n",
                minute, second, namespace, pod, commandLine);
    }
}
