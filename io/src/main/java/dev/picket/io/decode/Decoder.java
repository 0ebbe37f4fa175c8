package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

/**
 * Turns one framed input record (a JSON object, or a text line) into an event.
 *
 * @param <R> the record type the framing hands over
 */
@FunctionalInterface
interface Decoder<R> {
    /**
     * The event for the record, or {@code null} when the record is valid input that carries nothing
     * to detect on (a journald entry of another program, a process exit); such records are counted
     * as skipped, not as errors.
     *
     * @throws DecodeException when the record is not what this format promises
     */
    Event decode(R record, Origin origin) throws DecodeException;
}
