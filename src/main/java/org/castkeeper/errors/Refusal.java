package org.castkeeper.errors;

/**
 * The one kind of error Castkeeper expects: something asked of it that it will not do, with a message in the
 * host's words (never a stack trace). Each area has its own kind of refusal (an episode field, an account, a
 * listing, an artwork file, an MP3); the web server turns any that reaches it into its HTTP status in one place
 * (WebServer), the pages show the message beside the form, and the command line prints it.
 *
 * <p>What is not a refusal is a fault: it is logged, and a request gets a 500, except two the host can act on,
 * each said in plain words: a full disk (507) and a bucket that does not answer (503, {@code
 * media.StoreUnavailable}).
 */
public class Refusal extends Exception {
    /** What kind of refusal, and the HTTP status that says so. */
    public enum Kind {
        /** What was sent cannot be used: a field, a file, a value. */
        INVALID(422),
        /** The request itself is not one this server understands (a form it did not make). */
        MALFORMED(400),
        /** Too big to take. */
        TOO_LARGE(413),
        /** Someone else changed it first, or it is already so. */
        CONFLICT(409),
        /** There is no such thing. */
        NOT_FOUND(404);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String field;

    public Refusal(Kind kind, String message) {
        this(kind, null, message);
    }

    /** @param field the form field the refusal is about (e.g. "title"), so a page can mark it; null when none */
    public Refusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String field() {
        return field;
    }

    /**
     * Every field that is wrong, with what is wrong with it, in the order of the form: one entry for a refusal
     * about one field, none for one about no field. A form checked as a whole refuses with all of them at once.
     */
    public java.util.Map<String, String> problems() {
        return field == null ? java.util.Map.of() : java.util.Map.of(field, getMessage());
    }
}
