package org.castkeeper.media;

/** The file is not audio Castkeeper can publish (MP3 or M4A). The message is written for the host, not for a developer. */
public final class AudioRejected extends org.castkeeper.errors.Refusal {
    public AudioRejected(String reason) {
        super(Kind.INVALID, reason);
    }
}
