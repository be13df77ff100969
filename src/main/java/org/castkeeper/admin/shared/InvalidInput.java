package org.castkeeper.admin.shared;

/** Something the host sent to an admin page cannot be used; the message says why, in words for the host. */
public final class InvalidInput extends org.castkeeper.errors.Refusal {
    public InvalidInput(String message) {
        this(message, 422);
    }

    public InvalidInput(String message, int status) {
        this(message, status, null);
    }

    /** @param field the form field that is wrong, so the page can mark it (null when none is) */
    public InvalidInput(String message, int status, String field) {
        super(status == 413 ? Kind.TOO_LARGE : status == 400 ? Kind.MALFORMED : Kind.INVALID, field, message);
    }

    /** The same problem, marked on {@code field}. */
    public InvalidInput at(String field) {
        return new InvalidInput(getMessage(), status(), field);
    }
}
