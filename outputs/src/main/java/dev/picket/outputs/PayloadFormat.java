package dev.picket.outputs;

import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertJson;

import java.util.Locale;

/** What an alert is written as by the outputs that carry JSON (webhook, Kafka, file). */
public enum PayloadFormat {
    /** Picket's own alert JSON, as {@code picket detect} writes it. */
    PICKET,
    /** An OCSF Detection Finding (class 2004), for Security Lake and OCSF-native SIEMs. */
    OCSF;

    public String render(Alert alert) {
        return switch (this) {
            case PICKET -> AlertJson.line(alert);
            case OCSF -> OcsfFinding.line(alert);
        };
    }

    static PayloadFormat byWord(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + word + "' (known: picket, ocsf)");
        }
    }
}
