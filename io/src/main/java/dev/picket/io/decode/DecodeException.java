package dev.picket.io.decode;

/** A record that is well-formed but cannot become an event; the message is the reason shown to the user. */
final class DecodeException extends Exception {
    DecodeException(String reason) {
        super(reason, null, false, false);
    }
}
