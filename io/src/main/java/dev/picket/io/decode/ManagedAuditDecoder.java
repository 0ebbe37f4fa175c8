package dev.picket.io.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A managed cluster's audit delivery: a cloud log service's record that carries Kubernetes audit
 * events (one or many) inside its own envelope. Unwrapping hands over each carried event as an
 * {@code audit.k8s.io/v1} object, which {@link AuditDecoder} then decodes like any native event.
 */
interface ManagedAuditDecoder {
    /** Receives what one record carries; a bad part is reported and the record's other parts still read. */
    interface Sink {
        /** One audit event, and the cluster the record names (null when it names none). */
        void event(ObjectNode audit, String cluster);

        /** A part that should be an audit event and is not. */
        void error(String reason);

        /** A valid part that carries no audit event (a control message, another log category). */
        void skip();
    }

    /** @throws DecodeException when the record as a whole is not what the format promises */
    void unwrap(JsonRecord record, Sink sink) throws DecodeException;
}
