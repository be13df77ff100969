package org.castkeeper.admin;

/** Something the host sent cannot be used; the message says why, in words for the host. */
final class InvalidInput extends Exception {
    private final int status;
    private final String field;

    InvalidInput(String message) {
        this(message, 422);
    }

    InvalidInput(String message, int status) {
        this(message, status, null);
    }

    /** @param field the form field that is wrong, so the page can mark it (null when none is) */
    InvalidInput(String message, int status, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static InvalidInput of(org.castkeeper.catalogue.EpisodeRules.Refused refused) {
        return new InvalidInput(refused.getMessage(), 422, refused.field());
    }

    /** The same problem, marked on {@code field}. */
    InvalidInput at(String field) {
        return new InvalidInput(getMessage(), status, field);
    }

    String field() {
        return field;
    }

    /** The HTTP status that fits: 413 for too big, 422 for unusable. */
    int status() {
        return status;
    }
}
