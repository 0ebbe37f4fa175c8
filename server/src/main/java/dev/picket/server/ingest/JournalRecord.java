package dev.picket.server.ingest;

/**
 * One accepted batch as the journal holds it.
 *
 * @param end the journal offset just after this record: once it is processed, the checkpoint moves here
 */
public record JournalRecord(long end, Source source, byte[] body) {
}
