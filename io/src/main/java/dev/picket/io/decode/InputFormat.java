package dev.picket.io.decode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats {@code picket detect} reads; {@link #id()} is the {@code --input-format} word. */
public enum InputFormat {
    /** Kubernetes API-server audit events: JSON lines, or {@code EventList} documents. */
    AUDIT("audit", true),
    /** Amazon EKS audit logs from CloudWatch Logs: subscription-filter payloads, Firehose's S3 objects. */
    EKS("eks", true),
    /** Azure AKS {@code kube-audit} / {@code kube-audit-admin} diagnostic records (Event Hubs, storage). */
    AKS("aks", true),
    /** Google GKE Kubernetes audit entries of Cloud Audit Logs (log sink files, Pub/Sub push). */
    GKE("gke", true),
    /** Picket runtime events (the sensor's JSON lines). */
    RUNTIME("runtime", true),
    /** sshd lines of a syslog file (RFC 3164 or RFC 5424 / ISO timestamps), e.g. /var/log/auth.log. */
    SSHD("sshd", false),
    /** The journal as {@code journalctl -o json} writes it; sshd entries become events. */
    JOURNALD("journald", true),
    /** Tetragon JSON export lines. */
    TETRAGON("tetragon", true),
    /** Falco alerts with {@code json_output: true}. */
    FALCO("falco", true),
    /** Tracee events with {@code --output json}. */
    TRACEE("tracee", true);

    private final String id;
    private final boolean json;

    InputFormat(String id, boolean json) {
        this.id = id;
        this.json = json;
    }

    public String id() {
        return id;
    }

    /**
     * True for Kubernetes audit events in any delivery (native or a managed cluster's log service):
     * within such an input every record is recognised on its own, so one forwarder may mix them.
     */
    public boolean audit() {
        return this == AUDIT || this == EKS || this == AKS || this == GKE;
    }

    /** True when the input is JSON objects (lines or documents), false for text lines. */
    public boolean json() {
        return json;
    }

    /** The format named by an {@code --input-format} word (case-insensitive). */
    public static InputFormat byId(String word) {
        String wanted = word.trim().toLowerCase(Locale.ROOT);
        for (InputFormat f : values()) {
            if (f.id.equals(wanted)) return f;
        }
        throw new IllegalArgumentException("unknown input format '" + word + "' (known: " + ids() + ")");
    }

    /** The known ids, comma separated, for usage messages. */
    public static String ids() {
        return Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
