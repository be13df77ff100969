package org.castkeeper.media;

import java.io.IOException;

/**
 * The media store does not answer (a bucket's service is down or unreachable): nothing was stored or sent, and
 * trying again later may work. Pages and the media endpoint answer 503 with these words, not a server error.
 */
public final class StoreUnavailable extends IOException {
    public static final String WORDS =
            "The media storage does not answer right now, so nothing was saved or sent. Try again in a moment.";

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
