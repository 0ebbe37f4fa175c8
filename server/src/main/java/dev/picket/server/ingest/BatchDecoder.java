package dev.picket.server.ingest;

/** Turns a batch's body into events; every bad record is reported, with its line and what is wrong. */
@FunctionalInterface
public interface BatchDecoder {
    DecodedBatch decode(Source source, byte[] body);
}
