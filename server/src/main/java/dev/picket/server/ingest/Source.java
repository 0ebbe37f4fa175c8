package dev.picket.server.ingest;

import java.util.Locale;

/** What a batch is: the endpoint it came in on decides how it is decoded. */
public enum Source {
    /** {@code POST /v1/audit}: the API server's audit webhook, {@code EventList} documents. */
    AUDIT,
    /** {@code POST /v1/events}: Picket runtime events, JSON lines. */
    RUNTIME;

    /** The label metrics and logs use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
