package dev.picket.store;

/** The store cannot do what was asked: bad input or a failing database. The message says which. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
