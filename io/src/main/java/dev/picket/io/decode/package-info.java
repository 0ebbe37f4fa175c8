/**
 * Input decoding: bytes in, {@link dev.picket.engine.event.Event}s out.
 *
 * <p>{@link dev.picket.io.decode.InputReader} is the entry point. Underneath, a line splitter with a
 * length limit feeds either a JSON framer (JSON lines, pretty-printed documents, Kubernetes lists
 * streamed item by item) or syslog lines to one decoder per format. Decoders only reshape records;
 * what is suspicious is for the rules to say.
 */
package dev.picket.io.decode;
