package org.castkeeper.admin;

/** Something the host sent cannot be used; the message says why, in words for the host. */
final class InvalidInput extends Exception {
    private final int status;

    InvalidInput(String message) {
        this(message, 422);
    }

    InvalidInput(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that fits: 413 for too big, 422 for unusable. */
    int status() {
        return status;
    }
}
