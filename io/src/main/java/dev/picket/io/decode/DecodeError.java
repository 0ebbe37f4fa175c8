package dev.picket.io.decode;

import java.util.Objects;

/**
 * One input record that could not be decoded: where it is and what is wrong with it. Decoding
 * carries on with the next record.
 */
public record DecodeError(String source, long line, String reason) {
    public DecodeError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code FILE:LINE: reason}, the form {@code picket detect} prints on stderr. */
    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
