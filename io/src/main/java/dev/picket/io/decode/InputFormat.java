package dev.picket.io.decode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats {@code picket detect} reads; {@link #id()} is the {@code --input-format} word. */
public enum InputFormat {
    /** Kubernetes API-server audit events: JSON lines, or {@code EventList} documents. */
    AUDIT("audit", true),
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
